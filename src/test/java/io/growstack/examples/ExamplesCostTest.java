package io.growstack.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.growstack.cost.CostEstimate;
import io.growstack.cost.PriceBook;
import io.growstack.cost.Totals;
import io.growstack.cost.Usage;
import io.growstack.examples.v1.SingleServerExample;
import io.growstack.examples.v2.ManagedDatabaseExample;
import io.growstack.examples.v3.PrivateNetworkExample;
import io.growstack.examples.v3lean.LeanNatExample;
import io.growstack.examples.v4.HighAvailabilityExample;
import io.growstack.testing.ExampleStacks;
import org.junit.jupiter.api.Test;

/**
 * Each example's monthly total at zero traffic, written as literal arithmetic from the price book
 * (ap-northeast-2, 730 hours): instance hours + gp3 GB-months + $0.005/h per public IPv4, $0.40 a
 * month for the Secrets Manager secret RDS keeps for the database's password, and $0.10 per alarm metric
 * past the account's ten free ones.
 */
class ExamplesCostTest {
    private static Totals totals(String name, java.util.function.Consumer<com.hashicorp.cdktf.App> program) {
        return CostEstimate.of(ExampleStacks.synth("cost-" + name, program).json(), PriceBook.defaultBook(),
                Usage.none()).totals();
    }

    @Test
    void version1IsOneT2MicroItsDiskAndItsElasticIp() {
        assertThat(totals("v1", SingleServerExample::define).asSet())
                .isCloseTo(0.0144 * 730 + 20 * 0.0912 + 0.005 * 730, within(0.01));
    }

    /** The master user secret RDS keeps in Secrets Manager (manage_master_user_password). */
    private static final double SECRET = 0.40;
    // The alarm topic's customer managed KMS key (kms.key): $1 a month.
    private static final double ALARM_TOPIC_KEY = 1.00;
    /** Four standard alarms (group CPU twice, ALB and target 5xx), all within the ten free alarm metrics. */
    private static final double ALARMS = (4 - 4) * 0.10;

    @Test
    void version2PaysForTwoPublicHostsAndAPubliclyAddressedDatabase() {
        double host = 0.0144 * 730 + 8 * 0.0912 + 0.005 * 730;
        assertThat(totals("v2", ManagedDatabaseExample::define).asSet())
                .isCloseTo(2 * host + 0.025 * 730 + 20 * 0.131 + SECRET + 0.005 * 730, within(0.01));
    }

    @Test
    void version3SwapsTheNatGatewayForAT3NanoInstance() {
        double database = 0.025 * 730 + 20 * 0.131 + SECRET;
        double proxy = 0.013 * 730 + 8 * 0.0912 + 0.005 * 730;
        double gateway = totals("v3", PrivateNetworkExample::define).asSet();
        double lean = totals("v3-lean", LeanNatExample::define).asSet();
        assertThat(gateway).isCloseTo(0.0144 * 730 + 8 * 0.0912 + proxy + database
                + 0.059 * 730 + 0.005 * 730, within(0.01));
        // The self-healing NAT: its host, and two public IPv4 addresses (boot-time and Elastic IP).
        assertThat(lean).isCloseTo(0.0104 * 730 + 8 * 0.0912 + proxy + database
                + 0.0065 * 730 + 8 * 0.0912 + 2 * 0.005 * 730, within(0.01));
    }

    @Test
    void version4IsTheSeedsFinalBill() {
        double alb = 0.0225 * 730 + 2 * 0.005 * 730;
        double api = 0.0104 * 730 + 8 * 0.0912;
        double spotBastion = 0.0015 * 730 + 8 * 0.0912 + 0.005 * 730;
        double nat = 0.0065 * 730 + 8 * 0.0912 + 2 * 0.005 * 730; // self-healing: two public IPv4 addresses
        double testServer = 0.0104 * 730 + 8 * 0.0912;
        double database = 0.025 * 730 + 20 * 0.131 + SECRET;
        double monitoring = 0.0208 * 730 + 15 * 0.0912; // 15 days of samples size its volume at 15 GB
        assertThat(totals("v4", HighAvailabilityExample::define).asSet())
                .isCloseTo(alb + api + spotBastion + nat + testServer + database + monitoring + ALARMS + ALARM_TOPIC_KEY,
                        within(0.01));
    }

    @Test
    void version5DoublesTheDatabaseForMultiAzAndItsCacheIsNotInThePriceBook() {
        double alb = 0.0225 * 730 + 2 * 0.005 * 730;
        double hosts = 0.0104 * 730 + 8 * 0.0912                      // API group at desired 1
                + 0.0015 * 730 + 8 * 0.0912 + 0.005 * 730               // spot bastion
                + 0.0065 * 730 + 8 * 0.0912 + 2 * 0.005 * 730           // self-healing NAT, two addresses
                + 0.0104 * 730 + 8 * 0.0912                             // test server
                + 0.0208 * 730 + 15 * 0.0912;                           // monitoring
        double multiAzDatabase = 2 * (0.025 * 730 + 20 * 0.131) + SECRET;
        Totals main = CostEstimate.of(ExampleStacks.synthAll("cost-v5", io.growstack.examples.v5.NextExample::define)
                .get(io.growstack.examples.v5.NextExample.STACK).json(), PriceBook.defaultBook(), Usage.none()).totals();
        assertThat(main.asSet()).isCloseTo(alb + hosts + multiAzDatabase + ALARMS + ALARM_TOPIC_KEY, within(0.01));
        assertThat(main.priceNotFound()).as("the cache node: ElastiCache is not in the price book yet").isPositive();
    }
}
