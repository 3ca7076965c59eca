package io.growstack.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class StackModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final JsonNode STACK = json("""
            {'//': {'metadata': {'stackName': 'shop'}, 'growstack': {'suppressions': []}},
             'provider': {'aws': [{'region': 'ap-northeast-2'}, {'alias': 'us-east-1', 'region': 'us-east-1'}]},
             'terraform': {'backend': {'local': {'path': 'state'}}},
             'variable': {'admin_cidrs': {'type': 'list(string)'}},
             'locals': {'user_data': 'echo hi'},
             'output': {'vpc_id': {'value': '${aws_vpc.network_vpc.id}'}},
             'resource': {
               'aws_vpc': {'network_vpc': {'cidr_block': '10.0.0.0/16', '//': {'metadata': {'path': 'shop/network/vpc'}}}},
               'aws_subnet': {'network_a': {'vpc_id': '${aws_vpc.network_vpc.id}'}},
               'aws_acm_certificate': {'site': {'provider': 'aws.us-east-1'}}},
             'data': {'aws_ami': {'image': {'most_recent': true}}}}
            """);

    @Test
    void aSynthesizedStackIsReadSectionBySection() {
        StackModel model = StackModel.of(STACK);

        assertThat(model.stackName()).isEqualTo("shop");
        assertThat(model.items()).extracting(StackModel.Item::address).containsExactly("aws_vpc.network_vpc",
                "aws_subnet.network_a", "aws_acm_certificate.site", "data.aws_ami.image");
        assertThat(model.resources()).hasSize(3);
        assertThat(model.item("aws_vpc.network_vpc").orElseThrow().path()).isEqualTo("shop/network/vpc");
        assertThat(model.variables()).containsOnlyKeys("admin_cidrs");
        assertThat(model.outputs().get("vpc_id").path("value").asText()).isEqualTo("${aws_vpc.network_vpc.id}");
        assertThat(model.locals().get("user_data").asText()).isEqualTo("echo hi");
        assertThat(model.terraform().path("backend").has("local")).isTrue();
        assertThat(model.comment().has("growstack")).isTrue();
    }

    @Test
    void eachResourceLivesInItsProvidersRegion() {
        StackModel model = StackModel.of(STACK);

        assertThat(model.defaultRegion()).isEqualTo("ap-northeast-2");
        assertThat(model.region(model.item("aws_acm_certificate.site").orElseThrow())).isEqualTo("us-east-1");
        assertThat(model.region(model.item("aws_vpc.network_vpc").orElseThrow())).isEqualTo("ap-northeast-2");
    }

    @Test
    void aReferenceResolvesToTheItemItNamesWhateverAttributeItReads() {
        StackModel model = StackModel.of(STACK);

        assertThat(model.resolve(new TextNode("${aws_vpc.network_vpc.id}"), "aws_vpc").address())
                .isEqualTo("aws_vpc.network_vpc");
        assertThat(model.reference("${aws_vpc.network_vpc.cidr_block_associations[0].id}").attribute())
                .isEqualTo("cidr_block_associations[0].id");
        assertThat(model.resolve("${data.aws_ami.image.id}", "data.aws_ami")).isNotNull();
        assertThat(model.resolve("${aws_vpc.network_vpc.id}", "aws_subnet")).as("another type").isNull();
        assertThat(model.resolve("${aws_vpc.elsewhere.id}", "aws_vpc")).as("not in the stack").isNull();
        assertThat(model.resolve("vpc-0123 ${aws_vpc.network_vpc.id}", "aws_vpc")).as("not a whole value").isNull();
    }

    @Test
    void aStackThatIsNotWrittenYetIsBuiltItemByItem() {
        StackModel model = StackModel.builder(null).provider(null, "ap-northeast-2")
                .resource("aws_eip.nat", json("{'domain': 'vpc'}")).build();

        assertThat(model.stackName()).isEqualTo("stack");
        assertThat(model.all("aws_eip")).extracting(StackModel.Item::name).containsExactly("nat");
        assertThat(model.defaultRegion()).isEqualTo("ap-northeast-2");
        assertThatThrownBy(() -> StackModel.builder("s").resource("data.aws_ami.x", json("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource address 'data.aws_ami.x': expected type.name");
    }

    @Test
    void aStackWithoutALiteralDefaultRegionSaysSo() {
        StackModel model = StackModel.of(json("{'provider': {'aws': [{'alias': 'eu', 'region': 'eu-west-1'},"
                + " {'region': '${var.region}'}]}}"));

        assertThat(model.defaultRegion()).isNull();
    }
}
