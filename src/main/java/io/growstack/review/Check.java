package io.growstack.review;

/** A group of rules about one service, run over a whole stack. */
interface Check {
    void run(StackModel stack, Findings findings);
}
