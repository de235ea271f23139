package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TruecaserTest {

    private final Truecaser truecaser = new Truecaser();
    private static final String BODY = "President Joe Biden and Benjamin Netanyahu met. The talks were a dialogue "
            + "on ceasefire efforts, and Biden said Netanyahu agreed.";

    @Test
    void shouldLowerTitleCasedCommonWordsButKeepNames() {
        String headline = "Biden and Netanyahu Engage in Dialogue on Ceasefire Efforts";
        String out = truecaser.truecase(headline, BODY);
        assertThat(out).isEqualTo("Biden and Netanyahu engage in dialogue on ceasefire efforts");
        assertThat(out).hasSameSizeAs(headline);
    }

    @Test
    void shouldLeaveOrdinaryHeadlinesAlone() {
        String headline = "Biden, Netanyahu discuss US talks with Egypt on possible ceasefire";
        assertThat(truecaser.truecase(headline, BODY)).isEqualTo(headline);
    }

    @Test
    void shouldLeaveAllCapsHeadlinesToTheModel() {
        String headline = "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .";
        assertThat(truecaser.truecase(headline, "Japan won. China lost.")).isEqualTo(headline);
    }
}
