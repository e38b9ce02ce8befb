-- Chinese names lose the spaces people pad them with to line up
-- two-character names (张 伟 → 张伟, 李　娜 → 李娜); a name with Latin
-- letters or digits keeps its spaces. Each change is in the change log.
CREATE TEMP TABLE cleaned AS
SELECT id, name AS old, replace(replace(replace(name, ' ', ''), '　', ''), char(160), '') AS new
FROM members
WHERE (instr(name, ' ') > 0 OR instr(name, '　') > 0 OR instr(name, char(160)) > 0)
  AND NOT name GLOB '*[A-Za-z0-9]*';

INSERT INTO change_log (at, actor, entity, entity_id, action, detail)
SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '数据升级', 'member', id, 'update',
       json_object('changed', json_object('name', json_array(old, new)))
FROM cleaned;

UPDATE members SET name = (SELECT new FROM cleaned WHERE cleaned.id = members.id)
WHERE id IN (SELECT id FROM cleaned);

DROP TABLE cleaned;
