import type { ClientContext } from '../../lib/context/client-context';
import { ClientContextSchema } from '../../lib/context/client-context';
import { PanelStateSchema, type PanelState } from '../../lib/messaging/hub-messages';
import { z } from 'zod';
import {
  ChecklistItemSchema,
  PanelModelSchema,
  type ChecklistItem,
  type ObjectionView,
  type PanelModel,
  type ScriptView,
  ScriptViewSchema,
} from '../../lib/playbook/panel-model';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { SYNC_OFF, SyncStatusSchema, type SyncStatus } from '../../lib/sync/sync-status';
import type { Touch } from '../../lib/touches/touch';
import { makeContext as baseContext, makeTouch as baseTouch } from '../unit/playbook/fixtures';

/**
 * Panel data for component tests. Every value goes through the same zod schemas the panel
 * parses on arrival, so a test cannot pass on a shape the background could never send.
 */

const text = (ru: string, en: string) => ({ ru, en });

export function makeContext(overrides: Partial<ClientContext> = {}): ClientContext {
  return ClientContextSchema.parse(
    baseContext({
      name: 'ООО «Ромашка» — поставка',
      pipeline: 'Продажи',
      stage: 'Переговоры',
      budget: '250 000',
      responsible: 'Ирина',
      company: 'ООО «Ромашка»',
      contacts: [{ name: 'Пётр', phones: ['+7 900 000-00-00'], emails: [] }],
      ...overrides,
    }),
  );
}

/** Cold call: intro → (interested → meeting goal | busy → callback goal). */
export function makeScript(overrides: Partial<ScriptView> = {}): ScriptView {
  return ScriptViewSchema.parse({
    id: 'cold-call',
    title: text('Холодный звонок', 'Cold call'),
    start: 'intro',
    nodes: {
      intro: {
        id: 'intro',
        say: text('Добрый день! Я из компании «Суфлёр».', 'Good afternoon! I am calling from Sufler.'),
        hint: text('Говорите спокойно и коротко.', 'Keep it calm and short.'),
        goal: false,
        answers: [
          { label: text('Интересно', 'Sounds interesting'), next: 'pitch' },
          { label: text('Нет времени', 'No time now'), next: 'callback' },
        ],
      },
      pitch: {
        id: 'pitch',
        say: text('Предлагаю встречу на 30 минут.', 'May I suggest a 30-minute meeting?'),
        hint: null,
        goal: false,
        answers: [{ label: text('Давайте', 'Sure'), next: 'booked' }],
      },
      booked: {
        id: 'booked',
        say: text('Отлично, отправлю приглашение.', 'Great, I will send an invitation.'),
        hint: null,
        goal: true,
        answers: [],
      },
      callback: {
        id: 'callback',
        say: text('Когда удобно перезвонить?', 'When may I call you back?'),
        hint: null,
        goal: true,
        answers: [],
      },
    },
    ...overrides,
  });
}

export function makeFollowUpScript(): ScriptView {
  return ScriptViewSchema.parse({
    id: 'follow-up',
    title: text('Звонок после КП', 'Proposal follow-up'),
    start: 'ask',
    nodes: {
      ask: {
        id: 'ask',
        say: text('Удалось посмотреть предложение?', 'Have you had a chance to look at the proposal?'),
        hint: null,
        goal: false,
        answers: [{ label: text('Да', 'Yes'), next: 'done' }],
      },
      done: { id: 'done', say: text('Обсудим детали.', 'Let us go over the details.'), hint: null, goal: true, answers: [] },
    },
  });
}

export function makeObjections(): ObjectionView[] {
  return [
    {
      id: 'expensive',
      phrase: text('Дорого', 'Too expensive'),
      synonyms: ['дороговато', 'нет денег', 'pricey'],
      relevant: true,
      answers: [
        text('Давайте сравним, из чего складывается цена.', 'Let us compare what the price is made of.'),
        text('Сколько стоит вам простой?', 'What does downtime cost you?'),
      ],
    },
    {
      id: 'supplier',
      phrase: text('У нас уже есть поставщик', 'We already have a supplier'),
      synonyms: [],
      relevant: true,
      answers: [text('Хорошо, что есть с чем сравнить ёмкость сети.', 'Good, then you can compare network capacity.')],
    },
    {
      id: 'email',
      phrase: text('Пришлите предложение на почту', 'Send me a proposal by email'),
      synonyms: [],
      relevant: true,
      answers: [text('Пришлю, а чтобы оно было точным, уточню два вопроса.', 'I will, and to make it precise let me ask two questions.')],
    },
    {
      id: 'think',
      phrase: text('Мне нужно подумать', 'I need to think it over'),
      synonyms: ['подумаю', 'посоветоваться', 'consult'],
      relevant: false,
      answers: [text('Над чем именно хотите подумать?', 'What exactly would you like to think over?')],
    },
  ];
}

export function makeChecklist(): ChecklistItem[] {
  return z.array(ChecklistItemSchema).parse([
    { id: 'phone', label: text('Телефон', 'Phone'), filled: true, value: '+7 900 000-00-00', fieldKey: null, requiredFrom: 'lead' },
    { id: 'source', label: text('Источник', 'Lead source'), filled: false, value: '', fieldKey: 'cf:1', requiredFrom: 'lead' },
    { id: 'budget', label: text('Бюджет', 'Budget'), filled: true, value: '250 000', fieldKey: 'budget', requiredFrom: 'proposal' },
    { id: 'decision_maker', label: text('ЛПР', 'Decision maker'), filled: false, value: '', fieldKey: null, requiredFrom: 'qualification' },
    { id: 'need', label: text('Потребность', 'Need'), filled: true, value: 'Склад', fieldKey: 'cf:3', requiredFrom: 'needs' },
    { id: 'next_step', label: text('Дата следующего шага', 'Next step date'), filled: false, value: '', fieldKey: 'cf:4', requiredFrom: 'meeting' },
  ]);
}

export function makeModel(overrides: Partial<PanelModel> = {}): PanelModel {
  const script = makeScript();
  return PanelModelSchema.parse({
    stage: {
      status: 'mapped',
      stageId: 'negotiation',
      name: text('Переговоры', 'Negotiation'),
      goal: text('Согласовать условия и дату подписания', 'Agree the terms and the signing date'),
      crmStage: 'Переговоры',
      index: 2,
      total: 9,
      role: 'closer',
    },
    script,
    scripts: [
      { id: script.id, title: script.title },
      { id: 'follow-up', title: text('Звонок после КП', 'Proposal follow-up') },
    ],
    objections: makeObjections(),
    checklist: makeChecklist(),
    cadence: {
      segment: { id: 'key', name: text('Ключевой', 'Key client') },
      rule: text('Звонок или встреча раз в 15 дней', 'A call or meeting every 15 days'),
      lastTouchAt: Date.UTC(2026, 2, 1, 9),
      nextDueAt: Date.UTC(2026, 2, 16, 9),
      overdue: false,
      overdueDays: 0,
    },
    ...overrides,
  });
}

export function makeTouch(overrides: Partial<Touch> = {}): Touch {
  return baseTouch({ at: Date.UTC(2026, 2, 1, 9), stageId: 'negotiation', ...overrides });
}

export function makeState(overrides: Partial<PanelState> = {}, settings: Partial<Settings> = {}): PanelState {
  return PanelStateSchema.parse({
    tabId: 5,
    context: makeContext(),
    model: makeModel(),
    touches: [],
    touchTotal: overrides.touches?.length ?? 0,
    settings: { ...DEFAULT_SETTINGS, lang: 'ru', ...settings },
    sync: SYNC_OFF,
    ...overrides,
  });
}

/** A sync status as the background would send it: connected to a server unless overridden. */
export function makeSync(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return SyncStatusSchema.parse({
    ...SYNC_OFF,
    state: 'idle',
    serverUrl: 'https://sufler.example.com',
    ...overrides,
  });
}
