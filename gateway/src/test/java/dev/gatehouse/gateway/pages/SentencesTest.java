package dev.gatehouse.gateway.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void aSentenceGetsOneFullStop() {
        assertThat(Sentences.end("You are signed out of Acme")).isEqualTo("You are signed out of Acme.");
        assertThat(Sentences.end("You are signed out of ACME Inc.")).isEqualTo("You are signed out of ACME Inc.");
        assertThat(Sentences.end("You are signed out of Yahoo!")).isEqualTo("You are signed out of Yahoo!");
        assertThat(Sentences.end("contact it-help@acme.test ")).isEqualTo("contact it-help@acme.test.");
    }
}
