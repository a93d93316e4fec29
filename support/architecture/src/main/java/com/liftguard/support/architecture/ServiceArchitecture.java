package com.liftguard.support.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The house rules of a Liftguard service, one rule set for all four (each service's {@code ArchitectureTest}
 * calls {@link #assertHolds(String)} with its base package):
 *
 * <ul>
 *   <li>layers: {@code api} and {@code messaging} are the adapters on top, nothing calls them; {@code service}
 *       holds the use cases, called only by the adapters; beneath it, side by side, {@code domain} (the rules)
 *       and {@code persistence} (stores, entities, collections) and, where a service has one, {@code wire}
 *       (what the bytes of a request or record say); {@code config} is read by every layer and reads only the
 *       domain it configures. Arrows only point down;
 *   <li>{@code domain} is plain Java: no Quarkus, Jakarta, MicroProfile, Kafka, Hibernate, MongoDB, SmallRye or
 *       Vert.x type;
 *   <li>time is read from the injected {@link Clock}, never from {@code Instant.now()} and its relatives, and no
 *       class makes a system clock of its own.
 * </ul>
 */
public final class ServiceArchitecture {
    private static final String API = "api";
    private static final String MESSAGING = "messaging";
    private static final String SERVICE = "service";
    private static final String WIRE = "wire";
    private static final String DOMAIN = "domain";
    private static final String PERSISTENCE = "persistence";
    private static final String CONFIG = "config";

    /** The packages of the frameworks the rules of {@code domain} must not know. */
    static final String[] FRAMEWORKS = {
        "io.quarkus..",
        "jakarta..",
        "javax..",
        "org.eclipse.microprofile..",
        "org.apache.kafka..",
        "org.hibernate..",
        "com.mongodb..",
        "org.bson..",
        "io.smallrye..",
        "io.vertx.."
    };

    private ServiceArchitecture() {}

    /** The main classes of the service under {@code basePackage} (tests are left out). */
    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    /** Every rule of the house, for the service whose classes live under {@code basePackage}. */
    public static List<ArchRule> rules(String basePackage) {
        return List.of(layers(basePackage), domainIsPlainJava(basePackage), timeComesFromTheClock(basePackage));
    }

    /** Fails with every violation of every rule, listed by rule. */
    public static void assertHolds(String basePackage) {
        assertHolds(basePackage, classesOf(basePackage));
    }

    /** As {@link #assertHolds(String)}, on classes imported by the caller. */
    public static void assertHolds(String basePackage, JavaClasses classes) {
        if (classes.isEmpty()) {
            throw new AssertionError("no classes under " + basePackage + ": is the base package right?");
        }
        StringBuilder failures = new StringBuilder();
        for (ArchRule rule : rules(basePackage)) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.append(result.getFailureReport()).append('\n');
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.toString());
        }
    }

    public static ArchRule layers(String basePackage) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer(API)
                .definedBy(basePackage + "." + API + "..")
                .layer(MESSAGING)
                .definedBy(basePackage + "." + MESSAGING + "..")
                .layer(SERVICE)
                .definedBy(basePackage + "." + SERVICE + "..")
                .layer(WIRE)
                .definedBy(basePackage + "." + WIRE + "..")
                .layer(DOMAIN)
                .definedBy(basePackage + "." + DOMAIN + "..")
                .layer(PERSISTENCE)
                .definedBy(basePackage + "." + PERSISTENCE + "..")
                .layer(CONFIG)
                .definedBy(basePackage + "." + CONFIG + "..")
                .whereLayer(API)
                .mayNotBeAccessedByAnyLayer()
                .whereLayer(MESSAGING)
                .mayNotBeAccessedByAnyLayer()
                .whereLayer(SERVICE)
                .mayOnlyBeAccessedByLayers(API, MESSAGING)
                .whereLayer(WIRE)
                .mayOnlyBeAccessedByLayers(API, MESSAGING, SERVICE)
                .whereLayer(PERSISTENCE)
                .mayOnlyBeAccessedByLayers(SERVICE, CONFIG)
                .whereLayer(DOMAIN)
                .mayNotAccessAnyLayer()
                .whereLayer(CONFIG)
                .mayOnlyAccessLayers(DOMAIN)
                .whereLayer(PERSISTENCE)
                .mayOnlyAccessLayers(DOMAIN, CONFIG)
                .whereLayer(WIRE)
                .mayOnlyAccessLayers(DOMAIN, CONFIG)
                .because("arrows only point down: api/messaging -> service -> domain/persistence, config beside");
    }

    public static ArchRule domainIsPlainJava(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "." + DOMAIN + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .because("the rules are plain Java, unit-tested without a framework")
                .allowEmptyShould(true);
    }

    public static ArchRule timeComesFromTheClock(String basePackage) {
        return noClasses()
                .that()
                .resideInAPackage(basePackage + "..")
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .because("time is the injected Clock, so that every 'now' can be set by a test")
                .allowEmptyShould(true);
    }
}
