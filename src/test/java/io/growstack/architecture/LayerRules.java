package io.growstack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/** The layers of README's "Layout", as ArchUnit rules: arrows point down only. */
final class LayerRules {
    static final String[] BLOCKS = {"io.growstack.network..", "io.growstack.compute..", "io.growstack.data..",
            "io.growstack.web..", "io.growstack.delivery..", "io.growstack.monitoring..", "io.growstack.account.."};

    static final ArchRule NO_CYCLES = slices().matching("io.growstack.(*)..").should().beFreeOfCycles();

    static final ArchRule CORE_IMPORTS_NO_OTHER_LAYER = noClasses().that().resideInAPackage("io.growstack.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.growstack.aws..", "io.growstack.network..",
                    "io.growstack.compute..", "io.growstack.data..", "io.growstack.web..", "io.growstack.delivery..",
                    "io.growstack.monitoring..", "io.growstack.account..", "io.growstack.review..",
                    "io.growstack.terraform..", "io.growstack.cli..")
            .because("core is the bottom layer");

    static final ArchRule L1_IMPORTS_ONLY_CORE = noClasses().that().resideInAPackage("io.growstack.aws..")
            .should().dependOnClassesThat().resideInAnyPackage("io.growstack.network..", "io.growstack.compute..",
                    "io.growstack.data..", "io.growstack.web..", "io.growstack.delivery..", "io.growstack.monitoring..",
                    "io.growstack.review..", "io.growstack.cli..")
            .because("the typed L1 records know only core");

    static final ArchRule BLOCKS_IMPORT_NO_REVIEW_OR_CLI = noClasses().that().resideInAnyPackage(BLOCKS)
            .should().dependOnClassesThat().resideInAnyPackage("io.growstack.review..", "io.growstack.cli..")
            .because("the review reads synthesized JSON, and blocks are below it");

    static final ArchRule REVIEW_IMPORTS_NO_BLOCK = noClasses().that().resideInAPackage("io.growstack.review..")
            .should().dependOnClassesThat().resideInAnyPackage(BLOCKS)
            .because("the review, cost and diagram read the JSON, so they also judge resources users add by hand");

    static final ArchRule TERRAFORM_RUNNER_IMPORTS_NO_BLOCK = noClasses().that().resideInAPackage("io.growstack.terraform..")
            .should().dependOnClassesThat().resideInAnyPackage(BLOCKS)
            .because("verify runs terraform on synthesized JSON, whatever made it");

    static final ArchRule MODULES_IMPORT_NO_REVIEW_OR_CLI = noClasses().that().resideInAPackage("io.growstack.modules..")
            .should().dependOnClassesThat().resideInAnyPackage("io.growstack.review..", "io.growstack.cli..")
            .because("the module generator sits above the blocks and below the command line");

    static final ArchRule CDKTF_ONLY_IN_CORE_AND_CLI = CdktfConfinementTest.CDKTF_ONLY_IN_CORE_AND_CLI;

    static final List<ArchRule> ALL = List.of(NO_CYCLES, CORE_IMPORTS_NO_OTHER_LAYER, L1_IMPORTS_ONLY_CORE,
            BLOCKS_IMPORT_NO_REVIEW_OR_CLI, REVIEW_IMPORTS_NO_BLOCK, TERRAFORM_RUNNER_IMPORTS_NO_BLOCK,
            MODULES_IMPORT_NO_REVIEW_OR_CLI, CDKTF_ONLY_IN_CORE_AND_CLI);

    private LayerRules() {
    }
}
