package com.leadlex.importer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ChunkOutcomeTest {

    private static final String A = "0b9a3c52-5f4e-4d1e-9a39-1c2d3e4f5a6b";
    private static final String B = "7c0f3c52-5f4e-4d1e-9a39-1c2d3e4f5a6b";
    private static final String C = "9d1f3c52-5f4e-4d1e-9a39-1c2d3e4f5a6b";

    @Test
    void aChunkLeadLexAddedWhollyIsBookedInOneLineInsteadOfFiveHundredIds() {
        List<String> chunk = IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID().toString()).toList();

        ChunkOutcome outcome = ChunkOutcome.of(chunk, chunk, Map.of());

        assertThat(outcome.encode()).isEqualTo("added,*\n");
        ChunkOutcome booked = ChunkOutcome.decode(outcome.encode());
        assertThat(chunk).allMatch(booked::wasAdded);
        assertThat(booked.wasAdded(UUID.randomUUID().toString())).as("the chunk's IDs come from the spool").isTrue();
    }

    @Test
    void aChunkAddedWhollyButAnsweredInAnotherOrderIsStillOneLine() {
        assertThat(ChunkOutcome.of(List.of(A, B, C), List.of(C, A, B), Map.of()).encode()).isEqualTo("added,*\n");
    }

    @Test
    void refusedIdsStayListedBesideEveryOtherIdAdded() {
        ChunkOutcome booked = ChunkOutcome.decode(
                ChunkOutcome.of(List.of(A, B, C), List.of(A, C), Map.of(B, "contact_deleted: gone,\nsince")).encode());

        assertThat(booked.everyOtherIdAdded()).isTrue();
        assertThat(booked.wasAdded(A)).isTrue();
        assertThat(booked.wasAdded(C)).isTrue();
        assertThat(booked.wasAdded(B)).isFalse();
        assertThat(booked.refused()).containsExactly(Map.entry(B, "contact_deleted: gone, since"));
    }

    @Test
    void aChunkWithIdsAlreadyEnrolledListsTheOnesAdded() {
        ChunkOutcome outcome = ChunkOutcome.of(List.of(A, B, C), List.of(A), Map.of());

        assertThat(outcome.encode()).isEqualTo("added," + A + "\n");
        ChunkOutcome booked = ChunkOutcome.decode(outcome.encode());
        assertThat(booked.everyOtherIdAdded()).isFalse();
        assertThat(booked.wasAdded(A)).isTrue();
        assertThat(booked.wasAdded(B)).as("already enrolled").isFalse();
    }

    @Test
    void anAddedIdOutsideTheChunkKeepsEveryIdListed() {
        // LeadLex answering with an ID that was not sent: the count matches, the IDs do not
        ChunkOutcome outcome = ChunkOutcome.of(List.of(A, B), List.of(A, C), Map.of());

        assertThat(outcome.everyOtherIdAdded()).isFalse();
        assertThat(ChunkOutcome.decode(outcome.encode()).wasAdded(B)).isFalse();
    }

    @Test
    void outcomesBookedByEarlierVersionsReadAsBefore() {
        ChunkOutcome booked = ChunkOutcome.decode("added," + A + "\nrefused," + B + ",invalid_contact_id: no\n");

        assertThat(booked.everyOtherIdAdded()).isFalse();
        assertThat(booked.wasAdded(A)).isTrue();
        assertThat(booked.wasAdded(C)).isFalse();
        assertThat(booked.refused()).containsOnlyKeys(B);
    }
}
