package com.liftguard.support.architecture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules on small fixture services: one that keeps them, and one per way to break them. */
class ServiceArchitectureTest {
    private static final String FIXTURE = "com.liftguard.support.architecture.fixture.";

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages(FIXTURE + name);
    }

    @Test
    void aServiceWhoseArrowsPointDownPasses() {
        assertDoesNotThrow(() -> ServiceArchitecture.assertHolds(FIXTURE + "good", fixture("good")));
    }

    @ParameterizedTest
    @CsvSource({
        "upward, persistence.Store",
        "sideways, api.Resource",
        "framework, jakarta.inject.Inject",
        "clock, Instant.now()"
    })
    void eachWayToBreakTheRulesFails(String name, String named) {
        AssertionError failure = assertThrows(
                AssertionError.class, () -> ServiceArchitecture.assertHolds(FIXTURE + name, fixture(name)));
        assertTrue(failure.getMessage().contains(named), failure::getMessage);
    }

    @Test
    void anEmptyBasePackageIsAnErrorNotAPass() {
        assertThrows(AssertionError.class, () -> ServiceArchitecture.assertHolds("com.liftguard.nothing.here"));
    }
}
