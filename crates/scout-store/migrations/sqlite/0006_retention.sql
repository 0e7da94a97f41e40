-- Search transactions are forgotten after a retention period (docs/access.md):
-- pruning reads them by age.
CREATE INDEX search_transactions_by_age ON search_transactions (created_at);
