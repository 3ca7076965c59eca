package io.growstack.modules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The root module template. */
final class RootTemplate {
    static final String FILE = "main.tf.json.tmpl";

    private RootTemplate() {
    }

    static ObjectNode render(Map<String, Map<String, ObjectNode>> modules) {
        return JsonNodeFactory.instance.objectNode();
    }
}
