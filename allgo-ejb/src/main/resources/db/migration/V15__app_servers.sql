-- The application servers sharing this database. Each one writes down its name when it starts
-- and, every two seconds, when it was last seen: its lease. A server not seen for the lease's
-- length is taken for gone, and the others take over the jobs it had claimed. Times are the
-- database's clock, so that the servers' own clocks never matter.
CREATE TABLE app_server (
  name       VARCHAR(100) NOT NULL,
  started_at DATETIME(3)  NOT NULL,
  seen_at    DATETIME(3)  NOT NULL,
  CONSTRAINT pk_app_server PRIMARY KEY (name)
);

-- Periodic work done once in the whole cluster, whichever server's timer fires first: the nightly
-- purge, the idle-sandbox pass, the expiry of uploads. A server does the work when it moved ran_at
-- forward itself.
CREATE TABLE cluster_task (
  name   VARCHAR(50)  NOT NULL,
  ran_at DATETIME(3)  NOT NULL,
  ran_by VARCHAR(100) NOT NULL,
  CONSTRAINT pk_cluster_task PRIMARY KEY (name)
);
