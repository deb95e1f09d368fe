package com.leadlex.importer.staging.dedupe;

/**
 * Sorts IDs held in two parallel arrays ascending as unsigned 128-bit numbers, which is also the
 * order of their lower-case text. The JDK sorts only one primitive array at a time, and boxing
 * millions of IDs to sort them as objects would cost the memory staging is built to save.
 * Quicksort with median-of-three, insertion sort for small ranges, heapsort past a depth limit.
 */
final class UuidSorter {

    private static final int INSERTION_THRESHOLD = 24;

    private UuidSorter() {
    }

    static void sort(long[] msbs, long[] lsbs, int length) {
        int depthLimit = 2 * (64 - Long.numberOfLeadingZeros(Math.max(length, 1)));
        quicksort(msbs, lsbs, 0, length - 1, depthLimit);
    }

    private static void quicksort(long[] m, long[] l, int lo, int hi, int depth) {
        while (hi - lo > INSERTION_THRESHOLD) {
            if (depth-- == 0) {
                heapsort(m, l, lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            if (less(m, l, mid, lo)) {
                swap(m, l, mid, lo);
            }
            if (less(m, l, hi, lo)) {
                swap(m, l, hi, lo);
            }
            if (less(m, l, hi, mid)) {
                swap(m, l, hi, mid);
            }
            long pivotM = m[mid];
            long pivotL = l[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (compare(m[i], l[i], pivotM, pivotL) < 0) {
                    i++;
                }
                while (compare(m[j], l[j], pivotM, pivotL) > 0) {
                    j--;
                }
                if (i <= j) {
                    swap(m, l, i++, j--);
                }
            }
            if (j - lo < hi - i) {
                quicksort(m, l, lo, j, depth);
                lo = i;
            } else {
                quicksort(m, l, i, hi, depth);
                hi = j;
            }
        }
        insertionSort(m, l, lo, hi);
    }

    private static void insertionSort(long[] m, long[] l, int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            long keyM = m[i];
            long keyL = l[i];
            int j = i - 1;
            while (j >= lo && compare(m[j], l[j], keyM, keyL) > 0) {
                m[j + 1] = m[j];
                l[j + 1] = l[j];
                j--;
            }
            m[j + 1] = keyM;
            l[j + 1] = keyL;
        }
    }

    private static void heapsort(long[] m, long[] l, int lo, int hi) {
        int n = hi - lo + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(m, l, lo, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(m, l, lo, lo + end);
            siftDown(m, l, lo, 0, end);
        }
    }

    private static void siftDown(long[] m, long[] l, int base, int i, int n) {
        while (2 * i + 1 < n) {
            int child = 2 * i + 1;
            if (child + 1 < n && less(m, l, base + child, base + child + 1)) {
                child++;
            }
            if (!less(m, l, base + i, base + child)) {
                return;
            }
            swap(m, l, base + i, base + child);
            i = child;
        }
    }

    private static boolean less(long[] m, long[] l, int a, int b) {
        return compare(m[a], l[a], m[b], l[b]) < 0;
    }

    private static int compare(long msbA, long lsbA, long msbB, long lsbB) {
        int byMsb = Long.compareUnsigned(msbA, msbB);
        return byMsb != 0 ? byMsb : Long.compareUnsigned(lsbA, lsbB);
    }

    private static void swap(long[] m, long[] l, int a, int b) {
        long t = m[a];
        m[a] = m[b];
        m[b] = t;
        t = l[a];
        l[a] = l[b];
        l[b] = t;
    }
}
