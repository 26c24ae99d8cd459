-- Which process drives a plan, on a lease it renews while it does: several API processes sharing one
-- PostgreSQL all take up unfinished plans when they start, and only one of them may step each plan.
ALTER TABLE plans ADD COLUMN driver text;
ALTER TABLE plans ADD COLUMN driven_at timestamptz;
