package com.liftguard.infra;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Makes "one per JVM" hold under Quarkus tests.
 *
 * <p>Quarkus loads test classes and their dependencies in a class loader per application (one per test
 * profile or set of test resources), so a plain static field would start one broker per such loader,
 * and a broker started from a loader that Quarkus later closes would fail as soon as it needs a class it
 * had not loaded yet. The system class loader also sees the test class path (Surefire and IDEs put it
 * there) and lives as long as the JVM, so the shared instance is started from its copy of the class and
 * other loaders only ask it for the address.
 */
final class JvmWide {

    /**
     * The address of the shared instance held by the system class loader's copy of {@code type}, or
     * empty when {@code type} is that copy itself or the system class loader cannot see it.
     */
    static Optional<String> addressFromSystemLoader(Class<?> type, String addressMethod) {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (type.getClassLoader() == system) {
            return Optional.empty();
        }
        Class<?> systemCopy;
        try {
            systemCopy = Class.forName(type.getName(), true, system);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        if (systemCopy == type) {
            return Optional.empty();
        }
        try {
            Object instance = systemCopy.getMethod("shared").invoke(null);
            return Optional.of((String) systemCopy.getMethod(addressMethod).invoke(instance));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the JVM-wide " + type.getSimpleName(), e);
        }
    }

    private JvmWide() {}
}
