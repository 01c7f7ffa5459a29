-- The one definition of a campaign item's state (lib/recette/campaign-item-state.ts names the values), read by the
-- campaign page, its dashboard, the campaign list and the runner: never recompute it in a query.
-- The latest execution is the last one started. A recorded result (réussi / échoué / bloqué) wins over "non exécuté"
-- (the item was run after all); otherwise "non exécuté" with its reason, then "en cours", then "pas encore lancé".
-- An item is "à retester" when an anomaly linked to one of its failed executions waits for a retest.
CREATE VIEW campaign_item_states AS
  SELECT
    ci.id,
    ci.project_id,
    ci.campaign_id,
    ci.test_case_id,
    ci.position,
    ci.planned_version,
    tc.version AS current_version,
    tc.version <> ci.planned_version AS changed,
    ci.assignee_id,
    ci.not_run_reason,
    ci.revision,
    le.id AS latest_execution_id,
    le.status AS latest_status,
    le.finished_at AS latest_finished_at,
    CASE
      WHEN le.status IN ('passed', 'failed', 'blocked') THEN le.status::text
      WHEN ci.not_run_reason IS NOT NULL THEN 'not_run'
      WHEN le.status = 'in_progress' THEN 'in_progress'
      ELSE 'not_started'
    END AS state,
    EXISTS (
      SELECT 1
      FROM executions fe
      JOIN anomaly_executions ae ON ae.execution_id = fe.id
      JOIN anomalies a ON a.id = ae.anomaly_id
      WHERE fe.campaign_item_id = ci.id AND fe.status = 'failed' AND a.status = 'to_retest'
    ) AS to_retest
  FROM campaign_items ci
  JOIN test_cases tc ON tc.id = ci.test_case_id
  LEFT JOIN LATERAL (
    SELECT e.id, e.status, e.finished_at
    FROM executions e
    WHERE e.campaign_item_id = ci.id
    ORDER BY e.started_at DESC, e.id DESC
    LIMIT 1
  ) le ON true;
