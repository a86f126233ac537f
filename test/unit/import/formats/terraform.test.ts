import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../shared/import/detect';
import { iso, readFixture, runFixture, runText } from './run';

const FILE = 'orchestrators/terraform_apply.jsonl';

describe('terraform: apply -json', () => {
  it('is detected from its head', () => {
    expect(detectFormat(readFixture(FILE).slice(0, 1024), 'apply.log').id).toBe('terraform');
  });

  it('reads every line; the apply is one change over each resource address', () => {
    const r = runFixture('terraform', FILE);
    expect(r.errors).toEqual([]);
    expect(r.records).toHaveLength(13);
    const rows = r.records.map((x) => [
      iso(x.at)?.slice(11, 19),
      x.kindHint,
      x.service,
      x.change?.phase ?? null,
    ]);
    expect(rows).toEqual([
      ['18:40:00', 'log', null, null],
      ['18:40:02', 'log', 'aws_security_group.web', null],
      ['18:40:03', 'change', 'aws_db_instance.main', null],
      ['18:40:03', 'log', 'aws_lb_listener.http', null],
      ['18:40:03', 'log', null, null],
      ['18:41:00', 'change', 'aws_lb_listener.http', 'started'],
      ['18:41:02', 'log', 'aws_lb_listener.http', null],
      ['18:41:03', 'change', 'aws_db_instance.main', 'step'],
      ['18:41:13', 'log', 'aws_db_instance.main', null],
      ['18:41:43', 'log', 'aws_db_instance.main', null],
      ['18:41:44', 'change', 'aws_db_instance.main', 'step'],
      ['18:46:44', 'impact', 'aws_db_instance.main', 'failed'],
      ['18:46:44', 'log', 'aws_db_instance.main', null],
    ]);
    const ids = new Set(r.records.filter((x) => x.change !== null).map((x) => x.change?.id));
    expect([...ids]).toEqual([`terraform ${FILE} 2026-03-14T18:40:00.101Z`]);
    expect(r.records[2]?.message).toBe('Plan: replace aws_db_instance.main (cannot update)');
    expect(r.records[7]?.message).toBe('Apply: destroy aws_db_instance.main');
    expect(r.records[7]?.change?.targets).toEqual([
      { component: 'aws_db_instance.main', region: null, slice: null },
    ]);
    expect(r.records[1]?.message).toBe('Drift: aws_security_group.web changed outside Terraform (update)');
    expect(r.records[12]?.level).toBe('error');
  });

  it('ends a successful apply with a completed change over every address it touched', () => {
    const text = readFixture(FILE).split('\n').slice(0, 11).join('\n');
    const summary =
      '{"@level":"info","@message":"Apply complete! Resources: 1 added, 1 changed, 1 destroyed.","@module":"terraform.ui","@timestamp":"2026-03-14T18:47:00Z","changes":{"add":1,"change":1,"remove":1,"operation":"apply"},"type":"change_summary"}';
    const r = runFixture('terraform', FILE);
    expect(r.records.some((x) => x.change?.phase === 'completed')).toBe(false);
    const done = runTextTf(`${text}\n${summary}`).records.at(-1);
    expect(done?.kindHint).toBe('change');
    expect(done?.change?.phase).toBe('completed');
    expect(done?.change?.targets.map((t) => t.component)).toEqual([
      'aws_lb_listener.http',
      'aws_db_instance.main',
    ]);
  });

  it('names bad lines', () => {
    const r = runTextTf('{"@message":"x","type":"version"}\nnot json\n');
    expect(r.errors.map((e) => e.line)).toEqual([1, 2]);
    expect(r.errors[0]?.reason).toContain('@timestamp');
  });
});

function runTextTf(text: string): ReturnType<typeof runText> {
  return runText('terraform', text);
}
