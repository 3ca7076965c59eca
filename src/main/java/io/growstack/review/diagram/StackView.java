package io.growstack.review.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.growstack.model.Reference;
import io.growstack.model.StackModel;
import io.growstack.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stack model as the diagram reads it: resources by address, references followed to addresses,
 * box titles from construct paths, and what a NAT group's launch template says about its interface.
 */
final class StackView {
    private static final Pattern LOCAL_USER_DATA = Pattern.compile("\\$\\{base64encode\\(local\\.([A-Za-z0-9_-]+)\\)}");

    private final StackModel model;

    StackView(StackModel model) {
        this.model = model;
    }

    String stackName() {
        return model.stackName();
    }

    String region() {
        return model.defaultRegion();
    }

    /** The addresses of the resources of {@code type}, sorted. */
    List<String> addresses(String type) {
        return model.all(type).stream().map(StackModel.Item::address).sorted().toList();
    }

    JsonNode item(String address) {
        return model.item(address).map(StackModel.Item::body).orElse(null);
    }

    /** The address a whole-value reference names when it is one of {@code types} in this stack, or null. */
    String resolve(JsonNode value, String... types) {
        StackModel.Item item = model.resolve(value, types);
        return item == null ? null : item.address();
    }

    static String attribute(JsonNode value) {
        return value != null && value.isTextual()
                ? Reference.parse(value.asText()).map(Reference::attribute).orElse(null) : null;
    }

    static JsonNode first(JsonNode node) {
        List<JsonNode> all = Values.elements(node);
        return all.isEmpty() ? MissingNode.getInstance() : all.get(0);
    }

    /** The launch template an Auto Scaling group launches from, or null. */
    String launchTemplateOf(String group) {
        return resolve(first(item(group).path("launch_template")).path("id"), "aws_launch_template");
    }

    /** Subnet address to route table address. */
    Map<String, String> routeTableOfSubnet() {
        Map<String, String> out = new TreeMap<>();
        for (String address : addresses("aws_route_table_association")) {
            JsonNode association = item(address);
            String subnet = resolve(association.path("subnet_id"), "aws_subnet");
            String table = resolve(association.path("route_table_id"), "aws_route_table");
            if (subnet != null && table != null) {
                out.put(subnet, table);
            }
        }
        return out;
    }

    /**
     * The box title: the construct path without the stack and the resource's own id ({@code bastion/host}),
     * the whole path when another resource of the type would get the same title, else the resource name.
     */
    String title(String address) {
        String type = address.substring(0, address.indexOf('.'));
        String own = shortTitle(address);
        boolean shared = addresses(type).stream().anyMatch(a -> !a.equals(address) && shortTitle(a).equals(own));
        if (!shared) {
            return own;
        }
        List<String> parts = pathParts(address);
        return parts.isEmpty() ? address.substring(address.indexOf('.') + 1) : String.join("/", parts);
    }

    private String shortTitle(String address) {
        List<String> parts = pathParts(address);
        if (parts.isEmpty()) {
            return address.substring(address.indexOf('.') + 1);
        }
        return String.join("/", parts.size() > 1 ? parts.subList(0, parts.size() - 1) : parts);
    }

    /** The construct path without the stack, or empty when cdktf recorded none. */
    private List<String> pathParts(String address) {
        JsonNode path = item(address).path("//").path("metadata").path("path");
        if (!path.isTextual()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>(List.of(path.asText().split("/")));
        if (parts.size() > 1) {
            parts.remove(0);
        }
        return parts;
    }

    /**
     * The Auto Scaling group whose hosts attach the static interface {@code eni} at boot (their
     * launch template's user data names it), or the interface itself when no group does.
     */
    String natHostOf(String eni) {
        String reference = "${" + eni + ".id}";
        for (String group : addresses("aws_autoscaling_group")) {
            if (userDataOf(group).contains("NAT_INTERFACE_ID=" + reference + "\n")) {
                return group;
            }
        }
        return eni;
    }

    /** The user data of a group's launch template as Terraform templates it (from a local), or "". */
    String userDataOf(String group) {
        String template = launchTemplateOf(group);
        if (template == null) {
            return "";
        }
        // Raw text: both are templates (references inside), which Values.text() does not return.
        Matcher local = LOCAL_USER_DATA.matcher(item(template).path("user_data").asText(""));
        return local.matches() ? model.locals().getOrDefault(local.group(1), MissingNode.getInstance()).asText("") : "";
    }
}
