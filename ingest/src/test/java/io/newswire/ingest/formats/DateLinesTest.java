package io.newswire.ingest.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateLinesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "May 03 , 2013                                          # 2013-05-03",
            "Updated : November 11 , 2011 20 : 09 IST               # 2011-11-11",
            "Sat Nov 12 2011 , 01 : 19 hrs                          # 2011-11-12",
            "27 NOVEMBER , 2005                                     # 2005-11-27",
            "DECEMBER 16 , 2008                                     # 2008-12-16",
            "December 15th , 2008 , 7 : 35 am                       # 2008-12-15",
            "2013 - 09 - 26                                         # 2013-09-26",
            "Posted on Sept. 4, 2009 at 3:15 p.m. EDT               # 2009-09-04"})
    void shouldReadADateLine(String line) {
        String[] parts = line.split("#");
        Optional<DateLines.Found> found = DateLines.find(parts[0].strip());
        assertThat(found).hasValueSatisfying(f -> {
            assertThat(f.date()).isEqualTo(Instant.parse(parts[1].strip() + "T00:00:00Z"));
            assertThat(f.dateOnly()).isTrue();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"WASHINGTON , DC , April 28 , 2009 - The Obama administration today revoked a rule.",
            "LONDON, 5 July 2012 (Reuters) - Shares fell sharply in early trading on Thursday."})
    void shouldReadADatelineAndKeepItsParagraph(String lead) {
        Optional<DateLines.Found> found = DateLines.find(lead);
        assertThat(found).isPresent();
        assertThat(found.get().dateOnly()).isFalse();
        assertThat(found.get().date().toString()).matches("20(09-04-28|12-07-05)T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The election on September 26, 2013 will be the first with two parties.",
            "Lohan was previously at Betty Ford from September 2010 to January 2011.",
            "Figures for 09/10/2013 were revised.",
            "February 30, 2013",
            "Talks resume in Cairo"})
    void shouldIgnoreProseAndImpossibleDates(String text) {
        assertThat(DateLines.find(text)).isEmpty();
    }
}
