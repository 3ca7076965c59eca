package io.growstack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * cdktf was archived by HashiCorp; a move to its continuation must be a change to core (and the
 * command line) alone, so nothing else may depend on {@code com.hashicorp.cdktf}.
 */
class CdktfConfinementTest {
    static final ArchRule CDKTF_ONLY_IN_CORE_AND_CLI = noClasses()
            .that().resideInAPackage("io.growstack..")
            .and().resideOutsideOfPackages("io.growstack.core..", "io.growstack.cli..")
            .should().dependOnClassesThat().resideInAPackage("com.hashicorp.cdktf..")
            .because("cdktf is confined to core and the command line (see README, Changes)");

    @Test
    void onlyCoreAndTheCommandLineUseCdktf() {
        JavaClasses library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.growstack");
        CDKTF_ONLY_IN_CORE_AND_CLI.check(library);
    }

    @Test
    void theRuleFailsOnAClassOutsideCoreThatUsesCdktf() {
        JavaClasses violating = new ClassFileImporter().importClasses(io.growstack.architecture.fixture.UsesCdktf.class);
        assertThatThrownBy(() -> CDKTF_ONLY_IN_CORE_AND_CLI.check(violating))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UsesCdktf");
    }
}
