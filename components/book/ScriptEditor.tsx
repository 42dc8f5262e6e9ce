import { useId } from 'react';
import type { Script, ScriptNode } from '../../lib/playbook/schema';
import { errorsAt } from '../../lib/sales-book/editor-errors';
import { newNodeId, readingOrder } from '../../lib/sales-book/script-graph';
import { BiTextField, FieldErrors, type FieldCtx } from './fields';

interface Props {
  ctx: FieldCtx;
  script: Script;
  /** Path of the script in the playbook, e.g. `scripts[0]`. */
  path: string;
  onChange(script: Script): void;
}

const EMPTY = { ru: '', en: '' };

/**
 * The branching script: each node is a line to say with the client's answers, each answer
 * linked to the next node. A link to a node that does not exist is shown at the answer.
 */
export function ScriptEditor({ ctx, script, path, onChange }: Props) {
  const { t } = ctx;
  const ids = readingOrder(script);
  const setNode = (id: string, node: ScriptNode) => onChange({ ...script, nodes: { ...script.nodes, [id]: node } });

  const addNode = (linkFrom?: { id: string; answer: number }) => {
    const id = newNodeId(script);
    const nodes = { ...script.nodes, [id]: { say: { ...EMPTY }, answers: [] } as ScriptNode };
    if (linkFrom !== undefined) {
      const from = nodes[linkFrom.id];
      if (from !== undefined) nodes[linkFrom.id] = { ...from, answers: from.answers.map((a, i) => (i === linkFrom.answer ? { ...a, next: id } : a)) };
    }
    onChange({ ...script, nodes });
  };

  const removeNode = (id: string) => {
    const { [id]: _gone, ...nodes } = script.nodes;
    // Links into it stay, and show as dangling where they are, so nothing is rewired silently.
    onChange({ ...script, nodes });
  };

  return (
    <div className="sf-book__script" data-testid="script-editor">
      <ScriptStart ctx={ctx} script={script} path={path} ids={ids} onChange={onChange} />
      <ol className="sf-book__nodes">
        {ids.map((id) => {
          const node = script.nodes[id];
          if (node === undefined) return null;
          const at = `${path}.nodes.${id}`;
          return (
            <li key={id} className="sf-book__node" data-testid="script-node" data-node={id}>
              <div className="sf-book__node-head">
                <code className="sf-book__node-id">{id}</code>
                {id === script.start && <span className="sf-badge">{t('book.start')}</span>}
                <label className="sf-book__check">
                  <input
                    type="checkbox"
                    checked={node.goal ?? false}
                    onChange={(e) => {
                      const { goal: _g, outcome: _o, ...rest } = node;
                      setNode(id, e.target.checked ? { ...rest, goal: true, answers: [] } : rest);
                    }}
                  />
                  {t('book.goal')}
                </label>
                <button type="button" className="sf-btn sf-btn--small" onClick={() => removeNode(id)} aria-label={t('book.removeNode', { id })}>
                  {t('book.remove')}
                </button>
              </div>
              <BiTextField ctx={ctx} path={`${at}.say`} label={t('book.say')} multiline value={node.say} onChange={(say) => setNode(id, { ...node, say })} testId="node-say" />
              <FieldErrors id={`${id}-node-err`} messages={errorsAt(ctx.errors, at).concat(errorsAt(ctx.errors, `${at}.answers`))} />
              {!node.goal && (
                <Answers ctx={ctx} node={node} nodeId={id} at={at} ids={Object.keys(script.nodes)} onChange={(n) => setNode(id, n)} onNewNode={(answer) => addNode({ id, answer })} />
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" className="sf-btn" data-testid="add-node" onClick={() => addNode()}>
        {t('book.addNode')}
      </button>
    </div>
  );
}

function ScriptStart({ ctx, script, path, ids, onChange }: Props & { ids: string[] }) {
  const id = useId();
  const messages = errorsAt(ctx.errors, `${path}.start`);
  return (
    <div className="sf-book__field">
      <label className="sf-label" htmlFor={id}>{ctx.t('book.startNode')}</label>
      <select id={id} className="sf-select" value={script.start} aria-invalid={messages.length > 0 || undefined} onChange={(e) => onChange({ ...script, start: e.target.value })}>
        {!ids.includes(script.start) && <option value={script.start}>{script.start}</option>}
        {ids.map((n) => (
          <option key={n} value={n}>{n}</option>
        ))}
      </select>
      <FieldErrors id={`${id}-err`} messages={messages} />
    </div>
  );
}

interface AnswersProps {
  ctx: FieldCtx;
  node: ScriptNode;
  nodeId: string;
  at: string;
  ids: string[];
  onChange(node: ScriptNode): void;
  onNewNode(answer: number): void;
}

const NEW_NODE = '\u0000new';

/** The client's answers of one node, each with the node it leads to. */
function Answers({ ctx, node, nodeId, at, ids, onChange, onNewNode }: AnswersProps) {
  const { t } = ctx;
  const baseId = useId();
  const setAnswer = (i: number, patch: Partial<ScriptNode['answers'][number]>) =>
    onChange({ ...node, answers: node.answers.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  return (
    <div className="sf-book__answers">
      <p className="sf-label">{t('book.answers')}</p>
      <ul>
        {node.answers.map((answer, i) => {
          const dangling = !ids.includes(answer.next);
          const nextId = `${baseId}-${i}-next`;
          const messages = errorsAt(ctx.errors, `${at}.answers[${i}].next`);
          return (
            <li key={i} className="sf-book__answer" data-testid="script-answer">
              <BiTextField ctx={ctx} path={`${at}.answers[${i}].label`} label={t('book.answerLabel', { n: i + 1 })} value={answer.label} onChange={(label) => setAnswer(i, { label })} testId="answer-label" />
              <div className="sf-book__field">
                <label className="sf-label" htmlFor={nextId}>{t('book.next')}</label>
                <select
                  id={nextId}
                  className="sf-select"
                  data-testid="answer-next"
                  value={answer.next}
                  aria-invalid={dangling || undefined}
                  aria-describedby={dangling || messages.length > 0 ? `${nextId}-err` : undefined}
                  onChange={(e) => (e.target.value === NEW_NODE ? onNewNode(i) : setAnswer(i, { next: e.target.value }))}
                >
                  {dangling && <option value={answer.next}>{answer.next === '' ? '—' : answer.next}</option>}
                  {ids
                    .filter((n) => n !== nodeId)
                    .map((n) => (
                      <option key={n} value={n}>{n}</option>
                    ))}
                  <option value={NEW_NODE}>{t('book.nextNew')}</option>
                </select>
                {dangling ? (
                  <p className="sf-book__dangling" id={`${nextId}-err`} data-testid="dangling-link" role="status">
                    {t('book.dangling', { id: answer.next === '' ? '—' : answer.next })}
                  </p>
                ) : (
                  <FieldErrors id={`${nextId}-err`} messages={messages} />
                )}
              </div>
              <button type="button" className="sf-btn sf-btn--small" onClick={() => onChange({ ...node, answers: node.answers.filter((_, j) => j !== i) })}>
                {t('book.removeAnswer')}
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="sf-btn sf-btn--small"
        data-testid="add-answer"
        onClick={() => onChange({ ...node, answers: [...node.answers, { label: { ...EMPTY }, next: '' }] })}
      >
        {t('book.addAnswer')}
      </button>
    </div>
  );
}
