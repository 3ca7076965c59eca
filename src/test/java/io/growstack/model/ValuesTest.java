package io.growstack.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.growstack.model.Values.Tri;
import org.junit.jupiter.api.Test;

/** The literal rules every reader of a stack shares (the review, the estimator and the diagram disagreed). */
class ValuesTest {
    @Test
    void aCdktfTokenNotYetResolvedIsUnknownLikeAnInterpolation() {
        assertThat(Values.text(new TextNode("${TfToken[TOKEN.12]}"))).isNull();
        assertThat(Values.unknown(new TextNode("${TfToken[TOKEN.12]}"))).isTrue();
        assertThat(Values.text(new TextNode("${var.type}"))).isNull();
        assertThat(Values.text(new TextNode("t3.nano"))).isEqualTo("t3.nano");
        assertThat(Values.text(MissingNode.getInstance(), "gp3")).isEqualTo("gp3");
    }

    @Test
    void aWholeNumberReadsTheSameFromJsonAndFromText() {
        assertThat(Values.integer(new IntNode(-1))).isEqualTo(-1);
        assertThat(Values.integer(new TextNode("-1"))).isEqualTo(-1);
        assertThat(Values.integer(new TextNode("22"))).isEqualTo(22);
        assertThat(Values.integer(new TextNode("${var.port}"))).isNull();
        assertThat(Values.integer(new TextNode("1.5"))).isNull();
    }

    @Test
    void aBooleanIsJsonOrItsText() {
        assertThat(Values.bool(BooleanNode.TRUE)).isEqualTo(Tri.TRUE);
        assertThat(Values.bool(new TextNode("false"))).isEqualTo(Tri.FALSE);
        assertThat(Values.bool(new TextNode("${var.on}"))).isEqualTo(Tri.UNKNOWN);
        assertThat(Values.isTrue(MissingNode.getInstance())).isFalse();
    }
}
