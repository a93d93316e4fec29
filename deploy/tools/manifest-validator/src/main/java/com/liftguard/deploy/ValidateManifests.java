package com.liftguard.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Validates rendered manifests (the output of {@code kubectl kustomize}) with no cluster and no
 * network. For each render it prints one line per check, {@code OK} or {@code FAIL} followed by the
 * problems:
 * <ul>
 *   <li>schema: every object against the Kubernetes 1.32 API (built-in kinds) or a bundled JSON
 *       Schema (custom resources); names and labels well-formed; an unknown kind fails;</li>
 *   <li>references: selectors select, ports and volumes are named, ConfigMaps, Secrets and their keys
 *       exist in the render or are declared external;</li>
 *   <li>policy: Liftguard's hardening rules for every pod.</li>
 * </ul>
 * Usage: {@code --render LABEL FILE [--external-secret NAME]... [--external-configmap NAME]...}, repeated;
 * the external options belong to the render before them. Exit status 0 when every check passed.
 */
public final class ValidateManifests {

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    private record Render(String label, Path file, Set<String> externalSecrets, Set<String> externalConfigMaps) {
    }

    public static void main(String[] args) {
        List<Render> renders;
        try {
            renders = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("validate-manifests: " + e.getMessage());
            System.err.println("usage: --render LABEL FILE [--external-secret NAME]... [--external-configmap NAME]... (repeat --render)");
            System.exit(2);
            return;
        }
        boolean allOk = true;
        for (Render render : renders) {
            allOk &= validate(render);
        }
        System.exit(allOk ? 0 : 1);
    }

    private static List<Render> parse(String[] args) {
        List<Render> renders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--render" -> {
                    require(args, i + 2);
                    renders.add(new Render(args[i + 1], Path.of(args[i + 2]), new TreeSet<>(), new TreeSet<>()));
                    i += 2;
                }
                case "--external-secret", "--external-configmap" -> {
                    require(args, i + 1);
                    if (renders.isEmpty()) {
                        throw new IllegalArgumentException(args[i] + " before any --render");
                    }
                    Render last = renders.get(renders.size() - 1);
                    (args[i].equals("--external-secret") ? last.externalSecrets() : last.externalConfigMaps()).add(args[++i]);
                }
                default -> throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
        }
        if (renders.isEmpty()) {
            throw new IllegalArgumentException("nothing to validate");
        }
        return renders;
    }

    private static void require(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException("missing value after " + args[args.length - 1]);
        }
    }

    private static boolean validate(Render render) {
        List<Manifest> manifests;
        try {
            manifests = Manifest.readAll(render.file());
        } catch (Exception e) {
            report("schema", render.label(), "", List.of("cannot read " + render.file() + ": " + e.getMessage()));
            return false;
        }
        Map<String, Integer> kinds = new TreeMap<>();
        manifests.forEach(m -> kinds.merge(String.valueOf(m.kind()), 1, Integer::sum));
        String summary = " (" + manifests.size() + " objects: " + kinds.toString().replaceAll("[{}]", "") + ")";

        Map<Manifest, List<String>> schemaErrors = new LinkedHashMap<>();
        manifests.forEach(m -> {
            List<String> errors = schema(m);
            if (!errors.isEmpty()) {
                schemaErrors.put(m, errors);
            }
        });
        Map<Manifest, List<String>> referenceErrors = new LinkedHashMap<>();
        new ReferenceChecks(manifests, render.externalSecrets(), render.externalConfigMaps()).check(referenceErrors);
        Map<Manifest, List<String>> policyErrors = new LinkedHashMap<>();
        PolicyChecks.check(manifests, policyErrors);

        boolean ok = report("schema", render.label(), summary, flatten(schemaErrors));
        ok &= report("references", render.label(), "", flatten(referenceErrors));
        ok &= report("policy", render.label(), "", flatten(policyErrors));
        return ok;
    }

    static List<String> schema(Manifest m) {
        List<String> errors = new ArrayList<>();
        String apiVersion = m.apiVersion();
        String kind = m.kind();
        if (apiVersion == null || kind == null) {
            errors.add("apiVersion and kind are required");
            return errors;
        }
        if (m.name() == null) {
            errors.add("metadata.name is required");
            return errors;
        }
        checkName(m, errors);
        checkLabels(m.metadata(), "metadata.labels", errors);
        Class<?> model = BuiltinSchema.modelFor(apiVersion, kind);
        if (model != null) {
            BuiltinSchema.validate(model, m.json(), "", errors);
        } else if (CustomResourceSchema.knows(apiVersion, kind)) {
            CustomResourceSchema.validate(m, errors);
        } else {
            errors.add("no schema for " + apiVersion + " " + kind
                    + " (add it to BuiltinSchema.KINDS, or a JSON Schema under schemas/" + apiVersion + "/" + kind + ".json)");
        }
        return errors;
    }

    private static void checkName(Manifest m, List<String> errors) {
        String name = m.name();
        boolean ok = switch (m.kind()) {
            case "Service" -> name.length() <= 63 && DNS_1035_LABEL.matcher(name).matches();
            case "Namespace" -> name.length() <= 63 && DNS_LABEL.matcher(name).matches();
            default -> name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches();
        };
        if (!ok) {
            errors.add("metadata.name '" + name + "' is not a valid " + m.kind() + " name");
        }
        if (!m.namespace().isEmpty() && !(m.namespace().length() <= 63 && DNS_LABEL.matcher(m.namespace()).matches())) {
            errors.add("metadata.namespace '" + m.namespace() + "' is not a valid namespace name");
        }
    }

    private static void checkLabels(JsonObject metadata, String path, List<String> errors) {
        JsonObject labels = Manifest.object(metadata, "labels");
        if (labels == null) {
            return;
        }
        for (Map.Entry<String, JsonElement> e : labels.entrySet()) {
            String key = e.getKey();
            int slash = key.indexOf('/');
            String prefix = slash < 0 ? null : key.substring(0, slash);
            String name = slash < 0 ? key : key.substring(slash + 1);
            boolean keyOk = name.length() <= 63 && LABEL_NAME.matcher(name).matches()
                    && (prefix == null || (prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches()));
            if (!keyOk) {
                errors.add(path + ": invalid label key '" + key + "'");
            }
            if (e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isString()) {
                String value = e.getValue().getAsString();
                if (!value.isEmpty() && !(value.length() <= 63 && LABEL_NAME.matcher(value).matches())) {
                    errors.add(path + "." + key + ": invalid label value '" + value + "'");
                }
            }
        }
    }

    private static List<String> flatten(Map<Manifest, List<String>> errors) {
        List<String> lines = new ArrayList<>();
        errors.forEach((m, messages) -> messages.forEach(msg -> lines.add(m.id() + ": " + msg)));
        return lines;
    }

    private static boolean report(String check, String label, String summary, List<String> errors) {
        if (errors.isEmpty()) {
            System.out.println("OK   " + check + ": " + label + summary);
            return true;
        }
        System.out.println("FAIL " + check + ": " + label + " (" + errors.size() + " problem" + (errors.size() == 1 ? "" : "s") + ")");
        errors.forEach(e -> System.out.println("       " + e));
        return false;
    }
}
