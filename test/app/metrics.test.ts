// What /metrics counts: every answer under its platform and outcome, its latency, and the
// adapters' failed API calls and ignored repeats.
import { describe, expect, it } from 'vitest';
import { createMetrics, outcomeOf } from '../../src/app/metrics.js';
import { engineFor } from '../../src/app/live-engine.js';
import { shippedEngine } from '../support/engine.js';

describe('outcomes', () => {
  const engine = shippedEngine();

  it('calls a topical answer answered, a closest-questions reply partial, and an off-topic question declined', () => {
    expect(outcomeOf(engine.respond('is tensorflow lite still a thing?'))).toBe('answered');
    expect(outcomeOf(engine.respond('compare hardware'))).toBe('answered');
    expect(outcomeOf(engine.respond('how do I cook pasta'))).toBe('declined');
    expect(outcomeOf(engine.respond('\u0001\u0002'))).toBe('declined');
    expect(outcomeOf({ ...engine.respond('what is jax'), kind: 'partial' })).toBe('partial');
  });
});

describe('the metrics registry', () => {
  it('counts answers by platform and outcome, with their latency, through the engine the adapters get', async () => {
    const metrics = createMetrics();
    const slack = engineFor({ current: shippedEngine() }, 'slack', metrics);
    slack.respond('is tensorflow lite still a thing?');
    slack.respond('how do I cook pasta');
    slack.run({ command: 'topics' });
    const text = await metrics.registry.metrics();
    expect(text).toContain('pytorch_vs_tf_questions_total{platform="slack",outcome="answered"} 2');
    expect(text).toContain('pytorch_vs_tf_questions_total{platform="slack",outcome="declined"} 1');
    expect(text).toContain('pytorch_vs_tf_questions_total{platform="discord",outcome="answered"} 0');
    expect(text).toContain('pytorch_vs_tf_answer_duration_seconds_count{platform="slack"} 3');
    expect(text).toContain('# TYPE pytorch_vs_tf_answer_duration_seconds histogram');
    expect(text).toMatch(/pytorch_vs_tf_process_resident_memory_bytes \d+/);
  });

  it('counts failed platform API calls and deduplicated retries per platform', async () => {
    const metrics = createMetrics();
    const discord = metrics.observerFor('discord');
    discord.apiError();
    discord.apiError();
    metrics.observerFor('slack').repeatIgnored();
    const text = await metrics.registry.metrics();
    expect(text).toContain('pytorch_vs_tf_platform_api_errors_total{platform="discord"} 2');
    expect(text).toContain('pytorch_vs_tf_retries_deduplicated_total{platform="slack"} 1');
    expect(text).toContain('pytorch_vs_tf_retries_deduplicated_total{platform="discord"} 0');
  });

  it('answers from whichever engine the slot holds now', () => {
    const first = shippedEngine();
    const slot = { current: first };
    const engine = engineFor(slot, 'slack', createMetrics());
    expect(engine.knowledge).toBe(first.knowledge);
    const replacement = { ...first, knowledge: { ...first.knowledge } };
    slot.current = replacement;
    expect(engine.knowledge).toBe(replacement.knowledge);
  });
});
