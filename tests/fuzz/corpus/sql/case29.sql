CREATE VIRTUAL TABLE temp.k USING kosis_csv(file='build/th_kosis_fixture.csv');SELECT * FROM k; DROP TABLE k;
