package io.growstack.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.longs;

import io.growstack.core.Cidr;
import io.growstack.core.CidrSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * CIDR sets are judged by what they cover: {@link CidrSet#coversAllIpv4} agrees with an
 * independent oracle (a binary trie of the blocks) on sets that split the internet into pieces,
 * sets with one piece missing, and random sets.
 */
class CidrSetPropertyTest {

    /** Sets of IPv4 blocks: the world split at random (sometimes with a hole), plus random extras. */
    static Gen<List<String>> blockSets() {
        return longs().all().map(seed -> {
            Random random = new Random(seed);
            List<Cidr> blocks = new ArrayList<>();
            split(new Cidr(0, 0), random, blocks, 1 + random.nextInt(6));
            if (random.nextInt(3) == 0) {
                blocks.remove(random.nextInt(blocks.size()));
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                int prefix = random.nextInt(33);
                long address = (random.nextLong() & 0xFFFFFFFFL) & (prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)));
                blocks.add(new Cidr(address & 0xFFFFFFFFL, prefix));
            }
            Collections.shuffle(blocks, random);
            return blocks.stream().map(Cidr::toString).toList();
        }).describedAs(List::toString);
    }

    private static void split(Cidr block, Random random, List<Cidr> out, int depth) {
        if (depth == 0 || block.prefix() == 32 || random.nextInt(4) == 0) {
            out.add(block);
            return;
        }
        split(block.subnet(block.prefix() + 1, 0), random, out, depth - 1);
        split(block.subnet(block.prefix() + 1, 1), random, out, depth - 1);
    }

    /** The oracle: the whole space is covered when the root of the blocks' bit trie is covered. */
    static boolean trieCoversAll(List<String> blocks) {
        Node root = new Node();
        for (String text : blocks) {
            Cidr cidr = Cidr.parse(text).orElseThrow();
            Node node = root;
            for (int bit = 0; bit < cidr.prefix() && !node.full; bit++) {
                int side = (int) ((cidr.address() >> (31 - bit)) & 1);
                if (node.children[side] == null) {
                    node.children[side] = new Node();
                }
                node = node.children[side];
            }
            node.full = true;
        }
        return root.covered();
    }

    private static final class Node {
        private final Node[] children = new Node[2];
        private boolean full;

        boolean covered() {
            return full || (children[0] != null && children[1] != null && children[0].covered()
                    && children[1].covered());
        }
    }

    /** The property, for any implementation of the coverage check. */
    static void coverageAgreesWithTheOracle(Predicate<List<String>> coversAllIpv4, int examples) {
        Tries.qt(examples).forAll(blockSets()).checkAssert(blocks ->
                assertThat(coversAllIpv4.test(blocks)).as("covers all IPv4: %s", blocks)
                        .isEqualTo(trieCoversAll(blocks)));
    }

    @Test
    void coverageOfASetOfBlocksAgreesWithTheOracle() {
        coverageAgreesWithTheOracle(CidrSet::coversAllIpv4, 400);
    }

    @Test
    void thePropertyCatchesAValidatorThatOnlyLooksForTheLiteralWorld() {
        // A deliberately broken check (the one the probe got past): it sees 0.0.0.0/0 written out,
        // never 0.0.0.0/1 + 128.0.0.0/1. The property must find a set on which it is wrong.
        Predicate<List<String>> literalOnly = blocks -> blocks.contains("0.0.0.0/0");
        assertThatThrownBy(() -> coverageAgreesWithTheOracle(literalOnly, 400))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("covers all IPv4");
    }

    @Test
    void ipv6SetsAreJudgedTheSameWay() {
        assertThat(CidrSet.coversAllIpv6(List.of("::/1", "8000::/1"))).isTrue();
        assertThat(CidrSet.coversAllIpv6(List.of("::/1", "8000::/2"))).isFalse();
        assertThat(CidrSet.coversAllIpv6(List.of("::/0"))).isTrue();
        assertThat(CidrSet.coversAllIpv6(List.of("2001:db8::/32", "not-a-block", "${var.x}"))).isFalse();
        assertThat(CidrSet.describeInternet(List.of("0.0.0.0/1", "128.0.0.0/1", "::/0")))
                .contains("0.0.0.0/1 + 128.0.0.0/1 (together 0.0.0.0/0) and ::/0");
    }
}
