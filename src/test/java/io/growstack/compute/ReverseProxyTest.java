package io.growstack.compute;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import io.growstack.core.GrowStack;
import io.growstack.files.NginxConfig;
import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.testing.ProviderSchema;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import io.growstack.testing.Terraform;
import io.growstack.testing.Tools;
import io.growstack.testing.UserDataChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReverseProxyTest {
    private static final String PROXY_GROUP = "${aws_security_group.proxy_host_security-group_group.id}";
    private static final String API_GROUP = "${aws_security_group.api_security-group_group.id}";
    private static final String API_ADDRESS = "${aws_instance.api_instance.private_ip}";

    private static Synthesized defaults;
    private static ReverseProxy defaultProxy;

    private static Network network(GrowStack stack) {
        return new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                .nat(NatProvider.none()).build());
    }

    /** The seed's version 3: a private API server on 8080 behind the proxy, with {@code props} added. */
    private static Synthesized synth(String name, UnaryOperator<ReverseProxyProps.Builder> props,
                                     AtomicReference<ReverseProxy> proxy) {
        return TestStacks.synthStack(name, stack -> {
            Network network = network(stack);
            Server api = new Server(stack, "api", ServerProps.builder(network).ami(TestStacks.ARM_AMI).build());
            proxy.set(new ReverseProxy(stack, "proxy", props.apply(ReverseProxyProps.builder(network)
                    .ami(TestStacks.X86_AMI).addUpstream(api, 8080)).build()));
        });
    }

    private static Synthesized synth(String name, UnaryOperator<ReverseProxyProps.Builder> props) {
        return synth(name, props, new AtomicReference<>());
    }

    @BeforeAll
    static void synthDefaults() {
        AtomicReference<ReverseProxy> proxy = new AtomicReference<>();
        defaults = synth("proxy-defaults", props -> props, proxy);
        defaultProxy = proxy.get();
    }

    private static List<JsonNode> rulesOn(Synthesized s, String type, String group) {
        List<JsonNode> rules = new ArrayList<>();
        s.resources(type).forEach(rule -> {
            if (rule.path("security_group_id").asText().equals(group)) {
                rules.add(rule);
            }
        });
        return rules;
    }

    @Test
    void theProxyIsAnOnDemandT3MicroWithAPublicAddressInTheFirstPublicSubnet() {
        JsonNode instance = defaults.resource("aws_instance", "proxy_host_instance");
        assertThat(instance.path("instance_type").asText()).isEqualTo(ReverseProxyProps.DEFAULT_INSTANCE_TYPE)
                .isEqualTo("t3.micro");
        assertThat(instance.path("subnet_id").asText()).isEqualTo("${aws_subnet.network_public-subnet-1.id}");
        assertThat(instance.path("associate_public_ip_address").asBoolean()).isTrue();
        assertThat(instance.path("metadata_options").path("http_tokens").asText()).isEqualTo("required");
        assertThat(instance.path("root_block_device").path("encrypted").asBoolean()).isTrue();
        assertThat(instance.path("root_block_device").path("volume_type").asText()).isEqualTo("gp3");
        assertThat(instance.has("instance_market_options")).isFalse();
        assertThat(instance.has("key_name")).isFalse();
        assertThat(instance.path("vpc_security_group_ids").toString()).isEqualTo("[\"" + PROXY_GROUP + "\"]");
        assertThat(defaults.resource("aws_security_group", "proxy_host_security-group_group").path("name").asText())
                .isEqualTo("test-dev-proxy");
        assertThat(defaults.count("aws_eip")).isZero();
        assertThat(defaultProxy.publicIp()).isEqualTo("${aws_instance.proxy_host_instance.public_ip}");
        assertThat(defaultProxy.publicDns()).isEqualTo("${aws_instance.proxy_host_instance.public_dns}");
        assertThat(defaultProxy.server().instance().address()).isEqualTo("aws_instance.proxy_host_instance");
    }

    @Test
    void itsUserDataIsACloudConfigThatInstallsNginxAndProxiesToTheApiServersPrivateAddress() {
        String userData = defaults.resource("aws_instance", "proxy_host_instance").path("user_data").asText();
        assertThat(userData).startsWith("#cloud-config\n")
                .contains("packages:\n  - nginx\n")
                .contains("        server " + API_ADDRESS + ":8080;\n")
                .contains("  - nginx -t\n  - systemctl enable --now nginx\n")
                .isEqualTo(ReverseProxy.cloudConfig(defaultProxy.nginxConfig()));
        assertThat(defaultProxy.nginxConfig().upstreams()).containsExactly(new NginxConfig.Upstream(API_ADDRESS, 8080));
    }

    @Test
    void aChangeOfUpstreamsReplacesTheProxyBecauseCloudInitRunsOnlyOnTheFirstBoot() {
        assertThat(defaults.resource("aws_instance", "proxy_host_instance").path("user_data_replace_on_change")
                .asBoolean()).isTrue();
    }

    @Test
    void theCloudConfigCarriesTheRenderedNginxConfigByteForByte() throws IOException {
        Tools.require("python3", "a YAML parser other than the writer reads the cloud-config back");
        String userData = defaults.resource("aws_instance", "proxy_host_instance").path("user_data").asText();
        Path file = Files.createTempFile("growstack-proxy-", ".yml");
        try {
            Files.writeString(file, userData);
            Tools.ProcessResult read = Tools.run(Duration.ofSeconds(30), List.of("python3", "-c",
                    "import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); f = d['write_files'][0];"
                            + " sys.stdout.write(f['path'] + '|' + f['permissions'] + '|' + f['content'])",
                    file.toString()));
            assertThat(read.ok()).as(read.describe()).isTrue();
            assertThat(read.stdout()).isEqualTo(ReverseProxy.STAGED_PATH + "|0644|"
                    + defaultProxy.nginxConfig().render());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void onlyPort80IsOpenToTheInternetAndThereIsNoSshByDefault() {
        List<JsonNode> ingress = rulesOn(defaults, "aws_vpc_security_group_ingress_rule", PROXY_GROUP);
        assertThat(ingress).hasSize(1);
        JsonNode http = defaults.resource("aws_vpc_security_group_ingress_rule",
                "proxy_host_security-group_ingress-tcp-80-from-anywhere");
        assertThat(http.path("cidr_ipv4").asText()).isEqualTo("0.0.0.0/0");
        assertThat(http.path("from_port").asInt()).isEqualTo(80);
        assertThat(http.path("to_port").asInt()).isEqualTo(80);
        assertThat(http.path("ip_protocol").asText()).isEqualTo("tcp");
    }

    @Test
    void theApiServerAdmitsTheProxyOnItsPortAndTheProxyStatesTheMatchingEgress() {
        JsonNode ingress = defaults.resource("aws_vpc_security_group_ingress_rule",
                "api_security-group_ingress-tcp-8080-from-proxy");
        assertThat(ingress.path("security_group_id").asText()).isEqualTo(API_GROUP);
        assertThat(ingress.path("referenced_security_group_id").asText()).isEqualTo(PROXY_GROUP);
        assertThat(ingress.path("from_port").asInt()).isEqualTo(8080);
        assertThat(ingress.has("cidr_ipv4")).isFalse();
        JsonNode egress = defaults.resource("aws_vpc_security_group_egress_rule",
                "proxy_host_security-group_egress-tcp-8080-to-api");
        assertThat(egress.path("security_group_id").asText()).isEqualTo(PROXY_GROUP);
        assertThat(egress.path("referenced_security_group_id").asText()).isEqualTo(API_GROUP);
        assertThat(egress.path("to_port").asInt()).isEqualTo(8080);
        assertThat(rulesOn(defaults, "aws_vpc_security_group_ingress_rule", API_GROUP)).hasSize(1);
    }

    @Test
    void sshIsOpenOnlyToTheGivenCidrsWhenTheProxyDoublesAsTheBastion() {
        Synthesized s = synth("proxy-ssh", props -> props.allowSshFrom(List.of("203.0.113.7/32", "198.51.100.0/24"))
                .keyName("admin"));
        List<JsonNode> ssh = rulesOn(s, "aws_vpc_security_group_ingress_rule", PROXY_GROUP).stream()
                .filter(rule -> rule.path("from_port").asInt() == 22).toList();
        assertThat(ssh).extracting(rule -> rule.path("cidr_ipv4").asText())
                .containsExactlyInAnyOrder("203.0.113.7/32", "198.51.100.0/24");
        assertThat(s.resource("aws_instance", "proxy_host_instance").path("key_name").asText()).isEqualTo("admin");
    }

    @Test
    void theSshAllowListMayBeATerraformListVariable() {
        Synthesized s = TestStacks.synthStack("proxy-ssh-variable", stack -> {
            Network network = network(stack);
            TerraformVariable admins = new TerraformVariable(stack, "admin_cidrs", TerraformVariableConfig.builder()
                    .type("list(string)").description("CIDR blocks allowed to SSH to the proxy").build());
            new ReverseProxy(stack, "proxy", ReverseProxyProps.builder(network).addUpstream("10.0.128.10", 8080)
                    .allowSshFrom(admins.getListValue()).build());
        });
        JsonNode rule = s.resource("aws_vpc_security_group_ingress_rule",
                "proxy_host_security-group_ingress-tcp-22-from-cidrs");
        assertThat(rule.path("for_each").asText()).isEqualTo("${toset(var.admin_cidrs)}");
        assertThat(rule.path("cidr_ipv4").asText()).isEqualTo("${each.value}");
        assertThat(rule.path("from_port").asInt()).isEqualTo(22);
    }

    @Test
    void withTlsFilesPort443OpensAndTheConfigRedirectsHttpToIt() {
        AtomicReference<ReverseProxy> proxy = new AtomicReference<>();
        Synthesized s = synth("proxy-tls", props -> props.nginx(nginx -> nginx.tls("/etc/pki/tls/certs/proxy.crt",
                "/etc/pki/tls/private/proxy.key")), proxy);
        assertThat(s.resource("aws_vpc_security_group_ingress_rule",
                "proxy_host_security-group_ingress-tcp-443-from-anywhere").path("cidr_ipv4").asText())
                .isEqualTo("0.0.0.0/0");
        assertThat(rulesOn(s, "aws_vpc_security_group_ingress_rule", PROXY_GROUP)).hasSize(2);
        assertThat(proxy.get().nginxConfig().isTls()).isTrue();
        assertThat(s.resource("aws_instance", "proxy_host_instance").path("user_data").asText())
                .contains("ssl_protocols TLSv1.2 TLSv1.3;", "return 301 https://$host$request_uri;");
    }

    @Test
    void aBareAddressIsProxiedToButGetsNoSecurityGroupRule() {
        AtomicReference<ReverseProxy> proxy = new AtomicReference<>();
        Synthesized s = synth("proxy-bare-address", props -> props.addUpstream("10.0.144.10", 8080)
                .nginx(nginx -> nginx.loadBalancing(NginxConfig.LoadBalancing.LEAST_CONN)), proxy);
        assertThat(proxy.get().nginxConfig().upstreams()).containsExactly(
                new NginxConfig.Upstream(API_ADDRESS, 8080), new NginxConfig.Upstream("10.0.144.10", 8080));
        assertThat(proxy.get().nginxConfig().render())
                .contains("        least_conn;\n        server " + API_ADDRESS + ":8080;\n"
                        + "        server 10.0.144.10:8080;\n");
        assertThat(s.resource("aws_instance", "proxy_host_instance").path("user_data").asText())
                .isEqualTo(ReverseProxy.cloudConfig(proxy.get().nginxConfig()));
        assertThat(rulesOn(s, "aws_vpc_security_group_egress_rule", PROXY_GROUP))
                .extracting(rule -> rule.path("from_port").asInt(-1)).containsExactlyInAnyOrder(-1, 8080);
    }

    @Test
    void anElasticIpFollowsTheProxyAcrossReplacementsAndIsTheAddressForDns() {
        AtomicReference<ReverseProxy> proxy = new AtomicReference<>();
        Synthesized s = synth("proxy-eip", props -> props.elasticIp(true), proxy);
        JsonNode eip = s.resource("aws_eip", "proxy_host_elastic-ip");
        assertThat(eip.path("domain").asText()).isEqualTo("vpc");
        assertThat(eip.path("instance").asText()).isEqualTo("${aws_instance.proxy_host_instance.id}");
        assertThat(eip.path("tags").path("Name").asText()).isEqualTo("test-dev-proxy");
        // The instance keeps its own address for the first boot; AWS releases it when the EIP attaches.
        assertThat(s.resource("aws_instance", "proxy_host_instance").path("associate_public_ip_address").asBoolean())
                .isTrue();
        assertThat(s.count("aws_eip")).isEqualTo(1);
        assertThat(proxy.get().publicIp()).isEqualTo("${aws_eip.proxy_host_elastic-ip.public_ip}");
        assertThat(proxy.get().publicDns()).isEqualTo("${aws_eip.proxy_host_elastic-ip.public_dns}");
    }

    @Test
    void theDefaultStackMatchesTheProviderSchemaAndItsCloudConfigIsValid() {
        ProviderSchema.aws6().assertValid(defaults.json());
        assertThat(UserDataChecks.assertClean(defaults.json())).isEqualTo(1);
    }

    @Test
    void theSeedsLeanVersion3WithTlsAnSshVariableAndAnElasticIpValidatesAndPlans() {
        Synthesized s = TestStacks.synthStack("tf-reverse-proxy", stack -> {
            Network network = new Network(stack, "network", NetworkProps.builder().availabilityZones(TestStacks.ZONES)
                    .nat(NatProvider.instance(NatInstanceProps.builder().ami(TestStacks.X86_AMI).build())).build());
            TerraformVariable admins = new TerraformVariable(stack, "admin_cidrs", TerraformVariableConfig.builder()
                    .type("list(string)").defaultValue(List.of("203.0.113.7/32"))
                    .description("CIDR blocks allowed to SSH to the reverse proxy").build());
            Server api = new Server(stack, "api", ServerProps.builder(network).ami(TestStacks.ARM_AMI).build());
            new ReverseProxy(stack, "proxy", ReverseProxyProps.builder(network).ami(TestStacks.X86_AMI)
                    .addUpstream(api, 8080)
                    .nginx(nginx -> nginx.tls("/etc/pki/tls/certs/proxy.crt", "/etc/pki/tls/private/proxy.key"))
                    .allowSshFrom(admins.getListValue())
                    .elasticIp(true)
                    .build());
        });
        ProviderSchema.aws6().assertValid(s.json());
        assertThat(UserDataChecks.assertClean(s.json())).isEqualTo(2);
        Terraform.assertValidAndPlans(s);
    }

    @Test
    void aProxyWithoutUpstreamsIsRejected() {
        assertRejected("proxy-no-upstreams", stack -> new ReverseProxy(stack, "proxy",
                        ReverseProxyProps.builder(network(stack)).build()),
                "app/proxy: property 'upstreams' is '[]': expected at least one upstream server;"
                        + " add one with addUpstream(server, port)");
    }

    @Test
    void anUpstreamPortOutOfRangeIsRejected() {
        assertRejected("proxy-port", stack -> {
            Network network = network(stack);
            Server api = new Server(stack, "api", ServerProps.builder(network).build());
            new ReverseProxy(stack, "proxy", ReverseProxyProps.builder(network).addUpstream(api, 70000).build());
        }, "app/proxy: property 'upstreams[0].port' is '70000': expected a TCP port 1..65535");
    }

    @Test
    void aCertificateWithoutAKeyIsRejected() {
        assertRejected("proxy-tls-half", stack -> new ReverseProxy(stack, "proxy",
                        ReverseProxyProps.builder(network(stack)).addUpstream("10.0.128.10", 8080)
                                .nginx(nginx -> nginx.tls("/etc/pki/tls/certs/proxy.crt", null)).build()),
                "app/proxy: property 'tlsKeyPath' is missing: expected both files with tls(certificatePath, keyPath),"
                        + " or neither for plain HTTP");
    }

    @Test
    void aRelativeCertificatePathIsRejected() {
        assertRejected("proxy-tls-relative", stack -> new ReverseProxy(stack, "proxy",
                        ReverseProxyProps.builder(network(stack)).addUpstream("10.0.128.10", 8080)
                                .nginx(nginx -> nginx.tls("certs/proxy.crt", "/etc/pki/tls/private/proxy.key")).build()),
                "app/proxy: property 'tlsCertificatePath' is 'certs/proxy.crt': expected an absolute path on the host"
                        + " such as /etc/pki/tls/certs/proxy.crt (letters, digits and . _ - + @ : / only)");
    }

    @Test
    void anSshEntryThatIsNotACidrIsRejected() {
        assertRejected("proxy-ssh-not-cidr", stack -> new ReverseProxy(stack, "proxy",
                        ReverseProxyProps.builder(network(stack)).addUpstream("10.0.128.10", 8080)
                                .allowSshFrom(List.of("203.0.113.7/32", "office")).build()),
                "app/proxy: property 'allowSshFrom' is 'office': expected an IPv4 CIDR block such as 203.0.113.7/32");
    }

    @Test
    void sshFromTheWholeInternetIsRejected() {
        assertRejected("proxy-ssh-world", stack -> new ReverseProxy(stack, "proxy",
                        ReverseProxyProps.builder(network(stack)).addUpstream("10.0.128.10", 8080)
                                .allowSshFrom(List.of("0.0.0.0/0")).build()),
                "app/proxy: property 'allowSshFrom' is '0.0.0.0/0': expected the admins' addresses such as 203.0.113.7/32,"
                        + " not the whole internet; use a Bastion with allowSshFromAnywhere() if you really mean it");
    }

    @Test
    void userDataOfItsOwnIsRejectedBecauseTheProxysUserDataIsItsNginxCloudConfig() {
        assertRejected("proxy-user-data", stack -> new ReverseProxy(stack, "proxy",
                        ReverseProxyProps.builder(network(stack)).addUpstream("10.0.128.10", 8080)
                                .userData("#!/bin/bash\n").build()),
                "app/proxy: property 'userData' is '#!/bin/bash\n': expected none: the proxy's user data is its"
                        + " nginx cloud-config (change nginx through nginx(...))");
    }

    @Test
    void nginxCustomizersAddUpInOrderAndToBuilderKeepsThem() {
        AtomicReference<ReverseProxy> proxy = new AtomicReference<>();
        synth("proxy-customizers", props -> props.nginx(nginx -> nginx.serverName("example.com"))
                .nginx(nginx -> nginx.clientMaxBodySizeMb(1)).build().toBuilder(), proxy);
        assertThat(proxy.get().nginxConfig().serverName()).isEqualTo("example.com");
        assertThat(proxy.get().nginxConfig().clientMaxBodySizeMb()).isEqualTo(1);
    }
}
