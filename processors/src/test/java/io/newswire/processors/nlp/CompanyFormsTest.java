package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompanyFormsTest {

    @Test
    void shouldSpellOutOrLeaveOffTheLegalForm() {
        assertThat(CompanyForms.variants("Lear Corp")).containsExactly("Lear Corporation");
        assertThat(CompanyForms.variants("Kia Motor Corp.")).containsExactly("Kia Motor Corporation", "Kia Motor");
        assertThat(CompanyForms.variants("Magna International Inc")).containsExactly("Magna International Inc.",
                "Magna International");
        assertThat(CompanyForms.variants("Schroder Wertheim & Co")).containsExactly("Schroder Wertheim Company",
                "Schroder Wertheim");
        assertThat(CompanyForms.variants("Pirelli SpA")).as("a lone word left names too much else").isEmpty();
    }

    @Test
    void shouldLeaveANameWithoutALegalFormAlone() {
        assertThat(CompanyForms.variants("Reuters")).isEmpty();
        assertThat(CompanyForms.variants("Bank of England")).isEmpty();
        assertThat(CompanyForms.variants("Aston Villa")).isEmpty();
    }
}
