package io.growstack.core;

import java.util.List;

/** Recognizes Terraform references and cdktf tokens in values, without asking cdktf. */
public final class Tokens {
    private Tokens() {
    }

    /** Whether {@code value} is or contains a reference resolved by Terraform or cdktf. */
    public static boolean containsReference(String value) {
        return value != null && (value.contains("${") || value.contains("TfToken["));
    }

    /** Whether {@code list} is a cdktf list token (for example a list variable's value). */
    public static boolean isListToken(List<String> list) {
        return list != null && list.size() == 1 && list.get(0) != null && list.get(0).contains("TfToken[");
    }
}
