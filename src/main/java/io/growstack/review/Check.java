package io.growstack.review;

import io.growstack.model.StackModel;

/** A group of rules about one service, run over a whole stack. */
interface Check {
    void run(StackModel stack, Findings findings);
}
