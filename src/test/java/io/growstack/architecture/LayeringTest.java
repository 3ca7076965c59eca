package io.growstack.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayeringTest {
    @Test
    void theLibraryKeepsEveryLayerRule() {
        JavaClasses library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.growstack");
        List<String> violations = new ArrayList<>();
        for (ArchRule rule : LayerRules.ALL) {
            EvaluationResult result = rule.evaluate(library);
            if (result.hasViolation()) {
                violations.add(result.getFailureReport().toString());
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyRuleFailsOnAFixtureThatBreaksIt() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(
                io.growstack.core.archfixture.CoreUsesReview.class,
                io.growstack.aws.archfixture.L1UsesBlock.class,
                io.growstack.host.archfixture.HostUsesBlock.class,
                io.growstack.compute.archfixture.BlockUsesReview.class,
                io.growstack.review.archfixture.ReviewUsesBlock.class,
                io.growstack.terraform.archfixture.RunnerUsesBlock.class,
                io.growstack.files.archfixture.FilesUsesBlock.class,
                io.growstack.model.archfixture.ModelUsesBlock.class,
                io.growstack.cost.archfixture.CostUsesBudget.class,
                io.growstack.modules.archfixture.ModulesUseCli.class,
                io.growstack.archcyclea.CycleA.class,
                io.growstack.archcycleb.CycleB.class,
                io.growstack.architecture.fixture.UsesCdktf.class);
        for (ArchRule rule : LayerRules.ALL) {
            assertThat(rule.evaluate(fixtures).hasViolation()).as(rule.getDescription()).isTrue();
        }
    }

    // The rules above fail on some fixture each; these name the fixture that proves a package's own rule,
    // so a rule that stopped covering its package (budget left out of the blocks) is caught.
    @Test
    void eachLayerOfTheStackModelRoundFailsOnItsOwnFixture() {
        Map<ArchRule, Class<?>> proofs = new LinkedHashMap<>();
        proofs.put(LayerRules.MODEL_IMPORTS_NO_BLOCK, io.growstack.model.archfixture.ModelUsesBlock.class);
        proofs.put(LayerRules.COST_IMPORTS_NO_BLOCK, io.growstack.cost.archfixture.CostUsesBudget.class);
        proofs.put(LayerRules.BLOCKS_IMPORT_NO_REVIEW_OR_CLI, io.growstack.budget.archfixture.BudgetUsesReview.class);
        proofs.put(LayerRules.REVIEW_IMPORTS_NO_BLOCK, io.growstack.review.archfixture.ReviewUsesBudget.class);
        proofs.forEach((rule, fixture) -> assertThat(rule.evaluate(new ClassFileImporter().importClasses(fixture))
                .hasViolation()).as(rule.getDescription() + " on " + fixture.getSimpleName()).isTrue());
    }
}
