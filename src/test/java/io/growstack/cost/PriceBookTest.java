package io.growstack.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PriceBookTest {
    private static final PriceBook BOOK = PriceBook.defaultBook();

    @Test
    void everyFigureCarriesItsUnitDateConfidenceAndWhereItIsPublished() {
        assertThat(BOOK.region()).isEqualTo("ap-northeast-2");
        assertThat(BOOK.date()).isEqualTo("2026-11");
        assertThat(BOOK.asOf()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(BOOK.hoursPerMonth()).isEqualTo(730);
        assertThat(BOOK.prices()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.unit()).as(p.key()).isNotBlank();
            assertThat(p.date()).as(p.key()).isIn("2026-11", "2026-12");
            assertThat(p.confidence()).as(p.key()).isIn("H", "M", "L");
            assertThat(p.url()).as(p.key()).startsWith("https://aws.amazon.com/");
            if (p.date().equals("2026-12")) {
                // Not in the shared pricing facts: the note names the public page the figure was read from.
                assertThat(p.note()).as(p.key()).containsPattern("read from [a-z0-9.-]+\\.[a-z]+");
            }
            if (p.confidence().equals("L")) {
                // Low confidence says why: a US East figure assumed for Seoul, or a page that may be dated.
                assertThat(p.note()).as(p.key()).containsAnyOf("US East", "an older page");
            }
        });
    }

    @Test
    void everyResourceTypeTheExamplesEmitIsPricedOrFreeExceptTheCacheNode() {
        for (String key : java.util.List.of("kms.key", "secretsmanager.secret", "cloudwatch.alarm.standard",
                "cloudwatch.free_tier.alarms", "sns.standard.requests", "sns.email.deliveries")) {
            assertThat(BOOK.price(key)).as(key).isPresent();
        }
        assertThat(BOOK.price("kms.key").orElseThrow().usd()).isEqualTo(1.0);
        assertThat(BOOK.price("secretsmanager.secret").orElseThrow().usd()).isEqualTo(0.40);
        assertThat(BOOK.price("cloudwatch.alarm.standard").orElseThrow().usd()).isEqualTo(0.10);
        assertThat(BOOK.price("elasticache.valkey.cache.t4g.micro")).as("no sourced Seoul figure yet").isEmpty();
    }

    @Test
    void theFiguresAreTheFactsFiles() {
        assertThat(BOOK.price("ec2.instance.t3.nano").orElseThrow().usd()).isEqualTo(0.0065);
        assertThat(BOOK.price("ec2.instance.t4g.xlarge").orElseThrow().usd()).isEqualTo(16 * 0.0104);
        assertThat(BOOK.price("vpc.nat_gateway.hours").orElseThrow().usd()).isEqualTo(0.059);
        assertThat(BOOK.price("vpc.nat_gateway.data_processed").orElseThrow().usd()).isEqualTo(0.059);
        assertThat(BOOK.price("vpc.public_ipv4").orElseThrow().usd()).isEqualTo(0.005);
        Price spot = BOOK.price("ec2.spot.t3.nano").orElseThrow();
        assertThat(spot.low()).isEqualTo(0.0010);
        assertThat(spot.high()).isEqualTo(0.0020);
        assertThat(spot.lowest()).isEqualTo(0.0008);
        assertThat(spot.confidence()).isEqualTo("M");
        assertThat(BOOK.price("rds.extended_support.mysql.8.0").orElseThrow().starts()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(BOOK.defaultCommitmentDiscount()).isEqualTo(0.35);
        assertThat(BOOK.rdsVcpus("db.t3.micro")).contains(2);
        assertThat(BOOK.price("ec2.instance.m7g.large")).isEmpty();
        assertThat(BOOK.isFree("aws_vpc")).isTrue();
        assertThat(BOOK.isFree("aws_cloudwatch_log_group")).isFalse();
    }

    @Test
    void aRegionWithoutABookHasNoPrices() {
        PriceBook tokyo = PriceBook.forRegion("ap-northeast-1");
        assertThat(tokyo.region()).isEqualTo("ap-northeast-1");
        assertThat(tokyo.prices()).isEmpty();
        assertThat(tokyo.date()).isNull();
    }

    @Test
    void aFigureWithoutItsSourceIsRejected() {
        assertThatThrownBy(() -> PriceBook.parse("region: x\nprices:\n  ec2.instance.t3.nano: {usd: 0.0065, unit: hour,"
                + " confidence: H, date: \"2026-11\"}\n", "book.yaml"))
                .hasMessage("book.yaml: price ec2.instance.t3.nano: expected url");
        assertThatThrownBy(() -> PriceBook.parse("region: x\nprices:\n  a: {unit: hour, confidence: H, date: d, url: u}\n",
                "book.yaml")).hasMessage("book.yaml: price a: expected usd, factor or quantity");
        assertThatThrownBy(() -> PriceBook.parse("region: x\nprices:\n  a: {usd: -1, unit: hour, confidence: H,"
                + " date: d, url: u}\n", "book.yaml")).hasMessage("book.yaml: price a: usd '-1': expected a number of at least 0");
    }

    @Test
    void aUsageFileHasPerTypeDefaultsAndPerAddressOverrides() {
        Usage usage = Usage.parse("version: 0.1\nresource_type_default_usage:\n  aws_nat_gateway:\n"
                + "    monthly_data_processed_gb: 10\nresource_usage:\n  aws_nat_gateway.a:\n"
                + "    monthly_data_processed_gb: 100\n", "usage.yaml");
        assertThat(usage.value("aws_nat_gateway.a", "aws_nat_gateway", "monthly_data_processed_gb")).hasValue(100);
        assertThat(usage.value("aws_nat_gateway.b", "aws_nat_gateway", "monthly_data_processed_gb")).hasValue(10);
        assertThat(usage.value("aws_lb.c", "aws_lb", "average_lcus")).isEmpty();
        assertThatThrownBy(() -> Usage.parse("resource_usage:\n  aws_lb.c:\n    average_lcus: lots\n", "usage.yaml"))
                .hasMessage("usage.yaml: aws_lb.c.average_lcus 'lots': expected a number of at least 0");
        assertThatThrownBy(() -> Usage.parse("resources:\n  x: 1\n", "usage.yaml"))
                .hasMessage("usage.yaml: unknown key 'resources': expected version, resource_type_default_usage or"
                        + " resource_usage");
    }
}
