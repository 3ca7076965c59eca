package io.growstack.files;

import io.growstack.core.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The static-site workflow: build the site, sync its bucket, invalidate its distribution and wait. */
final class SiteWorkflow {
    private static final String SYNC = ResourceText.load("workflow/sync-site.sh");
    private static final String INVALIDATE = ResourceText.load("workflow/invalidate-distribution.sh");

    private SiteWorkflow() {
    }

    /** The workflow for {@code m}'s site; the variables it reads join {@code variables}. */
    static String render(DeliveryManifest m, RepositoryVariables variables) {
        DeliveryManifest.Site site = m.site();
        Map<String, Object> workflow = WorkflowParts.workflow(m, "Publish " + m.name() + " site", "site-" + m.name());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("AWS_REGION", m.region());
        env.put("SITE_BUCKET", variables.resolved(site.bucket(), "SITE_BUCKET", "the site bucket's name"));
        env.put("SITE_DIRECTORY", site.directory());
        env.put("DISTRIBUTION_ID", variables.resolved(site.distributionId(), "DISTRIBUTION_ID",
                "the site's CloudFront distribution id"));
        workflow.put("env", env);
        List<Object> steps = new ArrayList<>();
        steps.add(OrderedMaps.of("name", "Check out", "uses", GitHubActions.CHECKOUT));
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("node-version", "20");
        if (site.buildCommand().contains("npm")) {
            node.put("cache", "npm");
        }
        steps.add(OrderedMaps.of("name", "Set up Node", "uses", GitHubActions.SETUP_NODE, "with", node));
        steps.add(OrderedMaps.of("name", "Build", "run", site.buildCommand()));
        steps.add(WorkflowParts.credentials(m, variables, "site"));
        steps.add(OrderedMaps.of("name", "Sync the bucket", "run", SYNC));
        steps.add(OrderedMaps.of("name", "Invalidate the distribution", "run", INVALIDATE));
        workflow.put("jobs", OrderedMaps.of("publish", WorkflowParts.job(m, "Build and publish " + site.bucket(), 30, steps)));
        return WorkflowParts.header(m, variables,
                "Publishes the static site " + site.bucket() + " and invalidates its distribution.")
                + Yaml.write(Yaml.AS_IS, workflow, "the site workflow of " + m.name());
    }
}
