SELECT period_rollup('2023-05-17', k) FROM (SELECT 'year' k UNION ALL SELECT 'half' UNION ALL SELECT 'quarter' UNION ALL SELECT 'month' UNION ALL SELECT 'day');
