import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/queries/raw-rows';
import type { Generator } from './context';

/** The owner's unread notices: past the bell's cap (99), as on a busy project left unread for a while. */
const OWNER_UNREAD = 150;

/**
 * The notices a busy project leaves in people's feeds, in three INSERT … SELECT statements over the rows already
 * written (each notice names a real object, so its link opens): for the owner, an assignment and a retest request
 * per anomaly and a change notice per requirement (6,000 in all, the newest 150 unread); for every other member of
 * the large project, the anomalies assigned to them. Times go back one notice every 17 minutes from now.
 */
export const notificationsGenerator: Generator = {
  name: 'notifications',
  async run({ tx, largeProjectId, accounts }) {
    const owner = accounts.owner.id;
    const actor = accounts.amoe.id;
    const ownerFeed = await rowsOf<{ count: number }>(tx, sql`
      with notices as (
        select 'anomaly_assigned' as kind, 'anomalies/ANO-' || number as path,
               jsonb_build_object('ref', 'ANO-' || number, 'subject', left(title, 120)) as params, number * 2 as rank
          from anomalies where project_id = ${largeProjectId}
        union all
        select 'anomaly_to_retest', 'anomalies/ANO-' || number,
               jsonb_build_object('ref', 'ANO-' || number, 'subject', left(title, 120)), number * 2 + 1
          from anomalies where project_id = ${largeProjectId}
        union all
        select 'requirement_changed', 'requirements/EXF-' || number,
               jsonb_build_object('ref', 'EXF-' || number, 'version', version), 4000 + number
          from requirements where project_id = ${largeProjectId}
      ), ordered as (select *, row_number() over (order by rank desc) as age from notices),
      inserted as (
        insert into notifications (user_id, project_id, kind, actor_id, path, params, created_at, read_at)
        select ${owner}::uuid, ${largeProjectId}::uuid, kind, ${actor}::uuid, path, params,
               now() - age * interval '17 minutes',
               case when age <= ${OWNER_UNREAD} then null else now() - age * interval '17 minutes' + interval '1 hour' end
          from ordered
        returning 1
      )
      select count(*)::int as count from inserted`);
    const assigneeFeeds = await rowsOf<{ count: number }>(tx, sql`
      with inserted as (
        insert into notifications (user_id, project_id, kind, actor_id, path, params, created_at, read_at)
        select a.assignee_id, a.project_id, 'anomaly_assigned', ${actor}::uuid, 'anomalies/ANO-' || a.number,
               jsonb_build_object('ref', 'ANO-' || a.number, 'subject', left(a.title, 120)),
               now() - a.number * interval '17 minutes',
               case when a.number % 5 = 0 then null else now() - a.number * interval '17 minutes' + interval '1 day' end
          from anomalies a
          join project_members m on m.project_id = a.project_id and m.user_id = a.assignee_id
         where a.project_id = ${largeProjectId} and a.assignee_id is not null and a.assignee_id <> ${owner}::uuid
        returning 1
      )
      select count(*)::int as count from inserted`);
    return { 'owner notifications': ownerFeed[0]!.count, 'other members’ notifications': assigneeFeeds[0]!.count };
  },
};
