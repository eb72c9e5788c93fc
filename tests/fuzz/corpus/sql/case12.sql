SELECT cagr(2.75, 4.73, 4), cagr(0, 1, 1);
