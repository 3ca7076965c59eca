package io.growstack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The layers of README's "Layout", as ArchUnit rules: arrows point down only. */
final class LayerRules {
    static final String[] BLOCKS = {"io.growstack.network..", "io.growstack.compute..", "io.growstack.data..",
            "io.growstack.web..", "io.growstack.delivery..", "io.growstack.monitoring..", "io.growstack.account..",
            "io.growstack.budget.."};

    static final String[] BLOCKS_REVIEW_AND_CLI = java.util.stream.Stream.concat(java.util.Arrays.stream(BLOCKS),
            java.util.stream.Stream.of("io.growstack.review..", "io.growstack.terraform..", "io.growstack.cli.."))
            .toArray(String[]::new);

    static final ArchRule NO_CYCLES = slices().matching("io.growstack.(*)..").should().beFreeOfCycles();

    static final ArchRule CORE_IMPORTS_NO_OTHER_LAYER = noClasses().that().resideInAPackage("io.growstack.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.growstack.aws..", "io.growstack.network..",
                    "io.growstack.compute..", "io.growstack.data..", "io.growstack.web..", "io.growstack.delivery..",
                    "io.growstack.monitoring..", "io.growstack.account..", "io.growstack.host..", "io.growstack.budget..",
                    "io.growstack.model..", "io.growstack.cost..", "io.growstack.review..",
                    "io.growstack.terraform..", "io.growstack.cli..", "io.growstack.files..")
            .because("core is the bottom layer");

    static final ArchRule L1_IMPORTS_ONLY_CORE = noClasses().that().resideInAPackage("io.growstack.aws..")
            .should().dependOnClassesThat().resideInAnyPackage("io.growstack.network..", "io.growstack.compute..",
                    "io.growstack.data..", "io.growstack.web..", "io.growstack.delivery..", "io.growstack.monitoring..",
                    "io.growstack.host..", "io.growstack.budget..", "io.growstack.model..", "io.growstack.cost..",
                    "io.growstack.review..", "io.growstack.cli..")
            .because("the typed L1 records know only core");

    static final ArchRule HOST_IMPORTS_NO_BLOCK = noClasses().that().resideInAPackage("io.growstack.host..")
            .should().dependOnClassesThat().resideInAnyPackage(BLOCKS_REVIEW_AND_CLI)
            .because("every block that runs EC2 uses the host layer, the NAT of the network too, so it sits below them");

    static final ArchRule BLOCKS_IMPORT_NO_REVIEW_OR_CLI = noClasses().that().resideInAnyPackage(BLOCKS)
            .should().dependOnClassesThat().resideInAnyPackage("io.growstack.review..", "io.growstack.cli..")
            .because("the review reads synthesized JSON, and blocks are below it");

    static final ArchRule REVIEW_IMPORTS_NO_BLOCK = noClasses().that().resideInAPackage("io.growstack.review..")
            .should().dependOnClassesThat().resideInAnyPackage(BLOCKS)
            .because("the review, cost and diagram read the JSON, so they also judge resources users add by hand");

    static final ArchRule MODEL_IMPORTS_NO_BLOCK = noClasses().that().resideInAPackage("io.growstack.model..")
            .should().dependOnClassesThat().resideInAnyPackage(with(BLOCKS, "io.growstack.aws..", "io.growstack.cost..",
                    "io.growstack.review..", "io.growstack.terraform..", "io.growstack.cli.."))
            .because("the stack model reads Terraform JSON, whatever made it, and everything above reads it");

    static final ArchRule COST_IMPORTS_NO_BLOCK = noClasses().that().resideInAPackage("io.growstack.cost..")
            .should().dependOnClassesThat().resideInAnyPackage(with(BLOCKS, "io.growstack.aws..",
                    "io.growstack.review..", "io.growstack.terraform..", "io.growstack.cli.."))
            .because("the estimator prices the stack model, so a block (Budget) may ask it and it also prices"
                    + " resources users add by hand");

    static final ArchRule TERRAFORM_RUNNER_IMPORTS_NO_BLOCK = noClasses().that().resideInAPackage("io.growstack.terraform..")
            .should().dependOnClassesThat().resideInAnyPackage(BLOCKS)
            .because("verify runs terraform on synthesized JSON, whatever made it");

    static final ArchRule FILES_IMPORT_ONLY_CORE_AND_JACKSON = classes().that().resideInAPackage("io.growstack.files..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.growstack.files..", "io.growstack.core..",
                    "com.fasterxml.jackson..", "java..")
            .because("the generated files sit below the blocks, which use them; they render values, never constructs");

    static final ArchRule MODULES_IMPORT_NO_REVIEW_OR_CLI = noClasses().that().resideInAPackage("io.growstack.modules..")
            .should().dependOnClassesThat().resideInAnyPackage("io.growstack.review..", "io.growstack.cli..")
            .because("the module generator sits above the blocks and below the command line");

    static final ArchRule CDKTF_ONLY_IN_CORE_AND_CLI = CdktfConfinementTest.CDKTF_ONLY_IN_CORE_AND_CLI;

    static final List<ArchRule> ALL = List.of(NO_CYCLES, CORE_IMPORTS_NO_OTHER_LAYER, L1_IMPORTS_ONLY_CORE,
            HOST_IMPORTS_NO_BLOCK, BLOCKS_IMPORT_NO_REVIEW_OR_CLI, REVIEW_IMPORTS_NO_BLOCK, MODEL_IMPORTS_NO_BLOCK,
            COST_IMPORTS_NO_BLOCK, TERRAFORM_RUNNER_IMPORTS_NO_BLOCK, FILES_IMPORT_ONLY_CORE_AND_JACKSON,
            MODULES_IMPORT_NO_REVIEW_OR_CLI, CDKTF_ONLY_IN_CORE_AND_CLI);

    private LayerRules() {
    }

    private static String[] with(String[] packages, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(packages), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }
}
