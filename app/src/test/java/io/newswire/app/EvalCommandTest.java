package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswire.common.NewswireConfig;
import org.junit.jupiter.api.Test;

class EvalCommandTest {

    @Test
    void shouldRefuseAPaceOutsideABrokerRunOrBelowZero() {
        EvalCommand eval = new EvalCommand();
        assertThatThrownBy(() -> eval.execute(Args.parse("eval", "clusters", "--jsonl", "dev.jsonl", "--pace-ms", "100"),
                NewswireConfig.defaults()))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--pace-ms");
        assertThatThrownBy(() -> eval.execute(Args.parse("eval", "clusters", "--jsonl", "dev.jsonl", "--on-kafka",
                "--pace-ms", "-5"), NewswireConfig.defaults()))
                .isInstanceOf(Args.UsageException.class).hasMessageContaining("--pace-ms");
    }
}
