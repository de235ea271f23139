package io.newswire.app.eval;

import java.util.List;

/**
 * Binary logistic regression by Newton's method with a small L2 penalty (not on the intercept): a handful of
 * features over at most a few hundred thousand examples, so each step solves the exact Hessian. Deterministic.
 */
final class LogisticRegression {

    /** Fitted coefficients: {@code weights[k]} for feature k, and the intercept. */
    record Fit(double[] weights, double intercept, int iterations) {

        double logit(double[] x) {
            double z = intercept;
            for (int k = 0; k < x.length; k++) {
                z += weights[k] * x[k];
            }
            return z;
        }
    }

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-9;

    private final double l2;

    LogisticRegression(double l2) {
        this.l2 = l2;
    }

    /** @param x one feature row per example; @param y 1 for a positive example, 0 otherwise */
    Fit fit(List<double[]> x, List<Boolean> y) {
        if (x.isEmpty() || x.size() != y.size()) {
            throw new IllegalArgumentException("need as many labels as rows, and at least one: " + x.size() + " rows, "
                    + y.size() + " labels");
        }
        int d = x.get(0).length + 1; // the intercept is the last coefficient
        double[] beta = new double[d];
        for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int n = 0; n < x.size(); n++) {
                double[] row = withIntercept(x.get(n));
                double p = sigmoid(dot(beta, row));
                double residual = (y.get(n) ? 1 : 0) - p;
                double w = p * (1 - p);
                for (int i = 0; i < d; i++) {
                    gradient[i] += residual * row[i];
                    for (int j = 0; j <= i; j++) {
                        hessian[i][j] += w * row[i] * row[j];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < i; j++) {
                    hessian[j][i] = hessian[i][j];
                }
                if (i < d - 1) {
                    gradient[i] -= l2 * x.size() * beta[i];
                    hessian[i][i] += l2 * x.size();
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int i = 0; i < d; i++) {
                beta[i] += step[i];
                change = Math.max(change, Math.abs(step[i]));
            }
            if (change < TOLERANCE) {
                return fit(beta, iteration);
            }
        }
        return fit(beta, MAX_ITERATIONS);
    }

    private static Fit fit(double[] beta, int iterations) {
        return new Fit(java.util.Arrays.copyOf(beta, beta.length - 1), beta[beta.length - 1], iterations);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double[] withIntercept(double[] x) {
        double[] row = java.util.Arrays.copyOf(x, x.length + 1);
        row[x.length] = 1;
        return row;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Gaussian elimination with partial pivoting: the Hessian is small and positive definite. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[col][col]) < 1e-12) {
                throw new IllegalStateException("features are linearly dependent (column " + col + ")");
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] out = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = m[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= m[i][j] * out[j];
            }
            out[i] = s / m[i][i];
        }
        return out;
    }
}
