package io.growstack.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The GitHub repository variables one delivery's workflows read, in the order they were first
 * needed: values Terraform knows only after apply stand in the workflows as {@code ${{ vars.X }}}.
 */
final class RepositoryVariables {
    private final DeliveryManifest m;
    private final List<String> entries = new ArrayList<>();

    RepositoryVariables(DeliveryManifest manifest) {
        this.m = manifest;
    }

    /** A literal value, or a repository variable for one Terraform knows only after apply. */
    String resolved(String value, String suffix, String what) {
        if (value != null && !DeliveryManifest.isReference(value)) {
            return value;
        }
        String variable = m.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_" + suffix;
        String entry = variable + ": " + what + " (terraform output -json " + DeliveryManifest.OUTPUT_PREFIX
                + m.name().replace('-', '_') + ")";
        if (!entries.contains(entry)) {
            entries.add(entry);
        }
        return "${{ vars." + variable + " }}";
    }

    /** Each variable read so far, with the value to give it. */
    List<String> entries() {
        return List.copyOf(entries);
    }
}
