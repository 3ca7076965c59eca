package io.growstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProviderSchema AWS = ProviderSchema.aws6();

    /** A cdktf-shaped stack: {"resource": {...}} plus an optional "data" section. */
    private static JsonNode stack(String resources) {
        return stack(resources, "{}");
    }

    private static JsonNode stack(String resources, String data) {
        try {
            return JSON.readTree("""
                    {
                      "//": {"metadata": {"backend": "local", "stackName": "test", "version": "0.19.2"}},
                      "provider": {"aws": [{"region": "ap-northeast-2"}]},
                      "terraform": {"required_providers": {"aws": {"source": "hashicorp/aws", "version": "~> 6.0"}}},
                      "data": %s,
                      "resource": %s
                    }
                    """.formatted(data, resources));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final String VALID_NETWORK = """
            {
              "aws_vpc": {
                "vpc": {
                  "//": {"metadata": {"path": "test/vpc", "uniqueId": "vpc"}},
                  "cidr_block": "10.0.0.0/16",
                  "enable_dns_hostnames": true,
                  "enable_dns_support": true,
                  "tags": {"Name": "test"}
                }
              },
              "aws_subnet": {
                "public": {
                  "vpc_id": "${aws_vpc.vpc.id}",
                  "cidr_block": "10.0.0.0/20",
                  "availability_zone": "ap-northeast-2a",
                  "map_public_ip_on_launch": false
                }
              },
              "aws_instance": {
                "nat": {
                  "ami": "ami-0123456789abcdef0",
                  "instance_type": "t3.nano",
                  "subnet_id": "${aws_subnet.public.id}",
                  "source_dest_check": false,
                  "vpc_security_group_ids": ["${aws_security_group.nat.id}"],
                  "user_data_replace_on_change": true,
                  "metadata_options": {"http_endpoint": "enabled", "http_tokens": "required"},
                  "root_block_device": {"encrypted": true, "volume_size": 8, "volume_type": "gp3"},
                  "tags": {"Name": "nat"}
                }
              }
            }
            """;

    @Test
    void aValidVpcSubnetAndInstanceWithNestedBlocksPass() {
        assertThat(AWS.check(stack(VALID_NETWORK))).isEmpty();
        AWS.assertValid(stack(VALID_NETWORK));
    }

    @Test
    void theFixtureDescribesAws625AndEveryTypeThatLaterWorkNeeds() {
        assertThat(AWS.provider()).isEqualTo("hashicorp/aws");
        assertThat(AWS.version()).isEqualTo("6.25.0");
        assertThat(AWS.source()).isEqualTo("@cdktf/provider-aws@21.22.1");
        assertThat(AWS.resourceTypes()).hasSize(58).contains("aws_vpc", "aws_budgets_budget", "aws_key_pair",
                "aws_network_interface");
        assertThat(AWS.dataSourceTypes()).containsExactly("aws_availability_zones", "aws_region", "aws_ssm_parameter");
    }

    @Test
    void aMisspelledArgumentIsReportedWithItsAddressAndASuggestion() {
        List<String> violations = AWS.check(stack("""
                {"aws_vpc": {"vpc": {"cidr_blok": "10.0.0.0/16"}}}
                """));
        assertThat(violations).containsExactly(
                "aws_vpc.vpc: cidr_blok: unknown argument or block (did you mean \"cidr_block\"?)");
    }

    @Test
    void aSubnetWithoutItsRequiredVpcIdIsReported() {
        List<String> violations = AWS.check(stack("""
                {"aws_subnet": {"public": {"cidr_block": "10.0.0.0/20"}}}
                """));
        assertThat(violations).containsExactly("aws_subnet.public: vpc_id: missing required argument");
    }

    @Test
    void aNullRequiredArgumentCountsAsMissing() {
        assertThat(AWS.check(stack("""
                {"aws_subnet": {"public": {"cidr_block": "10.0.0.0/20", "vpc_id": null}}}
                """))).containsExactly("aws_subnet.public: vpc_id: missing required argument");
    }

    @Test
    void anObjectOrAListWhereABoolIsExpectedIsReported() {
        List<String> violations = AWS.check(stack("""
                {"aws_vpc": {
                  "a": {"cidr_block": "10.0.0.0/16", "enable_dns_hostnames": {"a": 1}},
                  "b": {"cidr_block": ["10.0.0.0/16"], "enable_dns_hostnames": [true]}
                }}
                """));
        assertThat(violations).containsExactly(
                "aws_vpc.a: enable_dns_hostnames: expected a bool, found a JSON object {\"a\":1}",
                "aws_vpc.b: cidr_block: expected a string, found a JSON array [\"10.0.0.0/16\"]",
                "aws_vpc.b: enable_dns_hostnames: expected a bool, found a JSON array [true]");
    }

    @Test
    void stringsAreAcceptedForNumbersAndBoolsOnlyWhereTerraformConvertsThem() {
        List<String> violations = AWS.check(stack("""
                {"aws_vpc": {
                  "ok": {"cidr_block": "10.0.0.0/16", "enable_dns_hostnames": "true", "enable_dns_support": "0"},
                  "bad": {"cidr_block": "10.0.0.0/16", "enable_dns_hostnames": "yes", "enable_dns_support": 1}
                },
                 "aws_instance": {
                  "ok": {"root_block_device": {"volume_size": "8", "iops": "3e3"}, "cpu_options": {"core_count": -1}},
                  "bad": {"root_block_device": {"volume_size": "8 GiB", "iops": true}}
                }}
                """));
        assertThat(violations).containsExactly(
                "aws_vpc.bad: enable_dns_hostnames: expected a bool, found the string \"yes\"",
                "aws_vpc.bad: enable_dns_support: expected a bool, found the number 1",
                "aws_instance.bad: root_block_device.volume_size: expected a number, found the string \"8 GiB\"",
                "aws_instance.bad: root_block_device.iops: expected a number, found the bool true");
    }

    @Test
    void anUnknownArgumentInsideANestedBlockIsReportedWithItsPath() {
        List<String> violations = AWS.check(stack("""
                {"aws_instance": {"web": {
                  "ami": "ami-0123456789abcdef0",
                  "metadata_options": {"http_tokens": "required", "http_token_hops": 1},
                  "ebs_block_device": [{"device_name": "/dev/sdb"}, {"device_name": "/dev/sdc", "volume_sise": 10}]
                }}}
                """));
        assertThat(violations).containsExactly(
                "aws_instance.web: metadata_options.http_token_hops: unknown argument or block",
                "aws_instance.web: ebs_block_device[1].volume_sise: unknown argument or block"
                        + " (did you mean \"volume_size\"?)");
    }

    @Test
    void anUnknownResourceOrDataSourceTypeIsReported() {
        List<String> violations = AWS.check(stack("""
                {"aws_vpcx": {"vpc": {"cidr_block": "10.0.0.0/16"}}}
                """, """
                {"aws_ssm_parameterx": {"ami": {"name": "/aws/service/ami"}}}
                """));
        assertThat(violations).containsExactly(
                "aws_vpcx.vpc: unknown resource type \"aws_vpcx\" (not in the hashicorp/aws 6.25.0 schema fixture)",
                "data.aws_ssm_parameterx.ami: unknown data source type \"aws_ssm_parameterx\""
                        + " (not in the hashicorp/aws 6.25.0 schema fixture)");
    }

    @Test
    void dataSourcesAreCheckedLikeResources() {
        assertThat(AWS.check(stack("{}", """
                {"aws_ssm_parameter": {"ami": {"name": "/aws/service/ami", "with_decryption": false}},
                 "aws_availability_zones": {"zones": {"state": "available", "filter": [{"name": "opt-in-status"}]}}}
                """))).containsExactly(
                "data.aws_availability_zones.zones: filter[0].values: missing required argument");
    }

    @Test
    void interpolationsPassWhereverAValueIsExpected() {
        assertThat(AWS.check(stack("""
                {"aws_instance": {"web": {
                  "ami": "${data.aws_ssm_parameter.ami.value}",
                  "associate_public_ip_address": "${var.public}",
                  "vpc_security_group_ids": "${aws_security_group.web[*].id}",
                  "secondary_private_ips": ["${cidrhost(aws_subnet.a.cidr_block, 10)}"],
                  "tags": "${merge(local.tags, {Name = \\"web\\"})}",
                  "root_block_device": {"volume_size": "${var.size * 2}", "encrypted": "${var.on}"},
                  "user_data": "#!/bin/sh\\necho ${aws_eip.a.public_ip}"
                }}}
                """))).isEmpty();
    }

    @Test
    void aTemplateThatIsNotOneWholeInterpolationCannotStandInForAList() {
        assertThat(AWS.check(stack("""
                {"aws_instance": {"web": {"vpc_security_group_ids": "${aws_security_group.a.id},${aws_security_group.b.id}"}}}
                """))).containsExactly("aws_instance.web: vpc_security_group_ids: expected a set (JSON array), found the"
                + " string \"${aws_security_group.a.id},${aws_security_group.b.id}\"");
    }

    @Test
    void metaArgumentsAndCdktfMetadataPass() {
        assertThat(AWS.check(stack("""
                {"aws_eip": {"nat": {
                  "//": {"metadata": {"path": "test/nat-eip", "uniqueId": "nat-eip"}},
                  "domain": "vpc",
                  "count": 2,
                  "depends_on": ["aws_internet_gateway.igw"],
                  "lifecycle": {"create_before_destroy": true, "ignore_changes": ["tags"]},
                  "provider": "aws.east",
                  "provisioner": [{"local-exec": {"command": "true"}}],
                  "connection": {"type": "ssh", "host": "${self.public_ip}"},
                  "for_each": "${toset(var.zones)}"
                }}}
                """))).isEmpty();
    }

    @Test
    void metaArgumentsAreOnlyAllowedAtTheTopOfAResource() {
        assertThat(AWS.check(stack("""
                {"aws_instance": {"web": {"root_block_device": {"count": 1}}}}
                """))).containsExactly("aws_instance.web: root_block_device.count: unknown argument or block");
    }

    @Test
    void theVpcArgumentOfAwsEipNoLongerExistsInProvider6() {
        assertThat(AWS.check(stack("""
                {"aws_eip": {"nat": {"vpc": true}}}
                """))).containsExactly("aws_eip.nat: vpc: unknown argument or block");
    }

    @Test
    void blocksAcceptAnObjectOrAnArrayAndMaxItemsIsEnforced() {
        List<String> violations = AWS.check(stack("""
                {"aws_instance": {
                  "ok": {"root_block_device": [{"volume_size": 8}], "timeouts": {"create": "5m"}},
                  "bad": {"root_block_device": [{"volume_size": 8}, {"volume_size": 9}], "timeouts": [{}, {}]},
                  "expr": {"metadata_options": "${var.options}"}
                }}
                """));
        assertThat(violations).containsExactly(
                "aws_instance.bad: root_block_device: too many blocks: 2 given, at most 1 allowed",
                "aws_instance.bad: timeouts: too many blocks: 2 given, at most 1 allowed",
                "aws_instance.expr: metadata_options: block must be a JSON object or an array of objects,"
                        + " found the string \"${var.options}\" (an expression cannot produce a block; use dynamic)");
    }

    @Test
    void aMissingRequiredBlockIsReported() {
        assertThat(AWS.check(stack("""
                {"aws_s3_bucket_versioning": {"v": {"bucket": "${aws_s3_bucket.b.id}"}},
                 "aws_s3_bucket_ownership_controls": {"o": {"bucket": "b", "rule": []}}}
                """))).containsExactly(
                "aws_s3_bucket_versioning.v: versioning_configuration: missing required block (at least 1)",
                "aws_s3_bucket_ownership_controls.o: rule: missing required block (at least 1)");
    }

    @Test
    void dynamicBlocksAreCheckedAgainstTheBlockTheyGenerate() {
        assertThat(AWS.check(stack("""
                {"aws_instance": {"web": {"dynamic": {
                  "ebs_block_device": {"for_each": "${var.disks}", "content": {"device_name": "${ebs_block_device.key}"}},
                  "ebs_blok_device": {"for_each": "${var.disks}", "content": {}},
                  "ephemeral_block_device": {"for_each": "${var.disks}", "content": {"device_nam": "x"}}
                }}}}
                """))).containsExactly(
                "aws_instance.web: dynamic.ebs_blok_device: unknown block for dynamic"
                        + " (did you mean \"ebs_block_device\"?)",
                "aws_instance.web: dynamic.ephemeral_block_device.content.device_nam: unknown argument or block"
                        + " (did you mean \"device_name\"?)",
                "aws_instance.web: dynamic.ephemeral_block_device.content.device_name: missing required argument");
    }

    @Test
    void inlineSecurityGroupRulesNeedEveryFieldBecauseTerraformJsonReadsThemAsAttributes() {
        List<String> violations = AWS.check(stack("""
                {"aws_security_group": {
                  "ok": {"vpc_id": "${aws_vpc.vpc.id}", "egress": [{
                    "from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"],
                    "description": null, "ipv6_cidr_blocks": null, "prefix_list_ids": null,
                    "security_groups": null, "self": null}]},
                  "partial": {"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]}]},
                  "single": {"ingress": {"from_port": 22}}
                }}
                """));
        assertThat(violations).containsExactly(
                "aws_security_group.partial: ingress[0]: missing fields description, ipv6_cidr_blocks, prefix_list_ids,"
                        + " security_groups, self (Terraform JSON needs every field of this object type;"
                        + " use null for unset)",
                "aws_security_group.single: ingress: expected a set (JSON array), found a JSON object"
                        + " {\"from_port\":22}");
    }

    @Test
    void mapsAndListsCheckTheirElements() {
        assertThat(AWS.check(stack("""
                {"aws_vpc": {"vpc": {"cidr_block": "10.0.0.0/16", "tags": {"Name": {"nested": true}, "Team": 7}}},
                 "aws_instance": {"web": {"vpc_security_group_ids": [["sg-1"]]}}}
                """))).containsExactly(
                "aws_vpc.vpc: tags[\"Name\"]: expected a string, found a JSON object {\"nested\":true}",
                "aws_instance.web: vpc_security_group_ids[0]: expected a string, found a JSON array [\"sg-1\"]");
    }

    @Test
    void assertValidListsEveryViolation() {
        JsonNode broken = stack("""
                {"aws_vpc": {"vpc": {"cidr_blok": "10.0.0.0/16"}},
                 "aws_subnet": {"public": {"cidr_block": "10.0.0.0/20"}}}
                """);
        assertThatThrownBy(() -> AWS.assertValid(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not match hashicorp/aws 6.25.0 (2 violations)")
                .hasMessageContaining("aws_vpc.vpc: cidr_blok: unknown argument or block")
                .hasMessageContaining("aws_subnet.public: vpc_id: missing required argument");
    }

    @Test
    void wholeInterpolationsAreToldApartFromTemplates() {
        assertThat(ProviderSchema.isWholeInterpolation("${aws_vpc.vpc.id}")).isTrue();
        assertThat(ProviderSchema.isWholeInterpolation("${merge(local.a, {b = \"}\"})}")).isTrue();
        assertThat(ProviderSchema.isWholeInterpolation("${a}-${b}")).isFalse();
        assertThat(ProviderSchema.isWholeInterpolation("x${a}")).isFalse();
        assertThat(ProviderSchema.isWholeInterpolation("plain")).isFalse();
    }
}
