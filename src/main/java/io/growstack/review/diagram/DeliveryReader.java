package io.growstack.review.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.Values;
import io.growstack.review.diagram.Topology.Kind;
import io.growstack.review.diagram.Topology.Node;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads delivery: CodeDeploy apps and the groups they deploy to, and GitHub Actions' uploads and deploys. */
final class DeliveryReader extends TopologyReader {
    private static final String GITHUB_TOKENS = "token.actions.githubusercontent.com";

    DeliveryReader(StackView view, Topology topology) {
        super(view, topology);
    }

    @Override
    void read() {
        List<String> apps = view.addresses("aws_codedeploy_app");
        deployments(apps);
        gitHub(apps);
    }

    private void deployments(List<String> apps) {
        for (String app : apps) {
            String detail = "CodeDeploy " + Values.text(view.item(app).path("name"), "");
            topology.addRegional(new Node(app, view.title(app), detail, Kind.DEPLOY));
        }
        for (String group : view.addresses("aws_codedeploy_deployment_group")) {
            JsonNode deployment = view.item(group);
            String app = view.resolve(deployment.path("app_name"), "aws_codedeploy_app");
            String appName = Values.text(deployment.path("app_name"));
            for (String candidate : apps) {
                if (app == null && appName != null && appName.equals(Values.text(view.item(candidate).path("name")))) {
                    app = candidate;
                }
            }
            if (app == null) {
                continue;
            }
            for (String target : targets(deployment)) {
                topology.addTraffic(app, target, "deploy");
            }
        }
    }

    /** The Auto Scaling groups a deployment group deploys to, named or behind its target groups. */
    private Set<String> targets(JsonNode deployment) {
        Set<String> targets = new TreeSet<>();
        for (JsonNode asg : Values.elements(deployment.path("autoscaling_groups"))) {
            String target = view.resolve(asg, "aws_autoscaling_group");
            if (target != null) {
                targets.add(target);
            }
        }
        JsonNode loadBalancerInfo = StackView.first(deployment.path("load_balancer_info"));
        for (JsonNode info : Values.elements(loadBalancerInfo.path("target_group_info"))) {
            String targetGroup = view.resolve(info.path("name"), "aws_lb_target_group");
            for (String asg : view.addresses("aws_autoscaling_group")) {
                if (targetGroup != null && Values.elements(view.item(asg).path("target_group_arns")).stream()
                        .anyMatch(arn -> targetGroup.equals(view.resolve(arn, "aws_lb_target_group")))) {
                    targets.add(asg);
                }
            }
        }
        // Blue/green: the replacement group is found behind the same target group, or launches from the
        // same template (Terraform owns both groups; CodeDeploy attaches the target group itself).
        Set<String> templates = new TreeSet<>();
        for (String target : targets) {
            String template = view.launchTemplateOf(target);
            if (template != null) {
                templates.add(template);
            }
        }
        for (String asg : view.addresses("aws_autoscaling_group")) {
            String template = view.launchTemplateOf(asg);
            // A group on a launch configuration has no template to share (and a TreeSet refuses null).
            if (template != null && templates.contains(template)) {
                targets.add(asg);
            }
        }
        return targets;
    }

    /** GitHub, when it may assume a role: it deploys every app and uploads to the buckets its roles name. */
    private void gitHub(List<String> apps) {
        boolean github = view.addresses("aws_iam_openid_connect_provider").stream().anyMatch(p ->
                view.item(p).path("url").asText("").contains(GITHUB_TOKENS));
        List<String> roles = view.addresses("aws_iam_role").stream().filter(r ->
                view.item(r).path("assume_role_policy").asText("").contains(GITHUB_TOKENS)).toList();
        if (!github && roles.isEmpty()) {
            return;
        }
        topology.addOutside(new Node(Topology.GITHUB, "GitHub", "Actions (OIDC)", Kind.EXTERNAL));
        for (String app : apps) {
            topology.addTraffic(Topology.GITHUB, app, "deploy");
        }
        for (String role : roles) {
            for (String policy : view.addresses("aws_iam_role_policy")) {
                if (!role.equals(view.resolve(view.item(policy).path("role"), "aws_iam_role"))) {
                    continue;
                }
                String document = view.item(policy).path("policy").asText("");
                for (String bucket : view.addresses("aws_s3_bucket")) {
                    String name = Values.text(view.item(bucket).path("bucket"));
                    if (document.contains("${" + bucket + ".") || name != null && document.contains(":::" + name)) {
                        topology.addTraffic(Topology.GITHUB, bucket, "upload");
                    }
                }
            }
        }
    }
}
