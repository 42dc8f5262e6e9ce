import { fixture } from './fixtures';

/**
 * The English Kommo card (tests/fixtures/pages/amocrm/2025-11-kommo-lead-card-en.html) as
 * it reads in Kommo's other UI languages: the same markup, with the stage, the pipeline and
 * the field labels as that UI and an account's admins write them, and the deal at its
 * second stage ("Contact made", status 77002) with the time in stage after the name, as
 * the status control shows it.
 */
export interface KommoUiCard {
  lang: 'es' | 'pt' | 'tr' | 'id';
  pipeline: string;
  stage: string;
  timeInStage: string;
  /** English label on the fixture → this language's. */
  labels: Record<string, string>;
}

const EN_LABELS = ['Sale', 'Lead user', 'Client segment', 'Source', 'Decision maker', 'Next meeting', 'Proposal sent', 'Loss reason', 'Work phone', 'Work email'] as const;

const label = (...names: string[]) => Object.fromEntries(EN_LABELS.map((en, i) => [en, names[i]!]));

export const KOMMO_UI_CARDS: readonly KommoUiCard[] = [
  {
    lang: 'es',
    pipeline: 'Embudo de ventas',
    stage: 'Contacto inicial',
    timeInStage: '(6 días)',
    labels: label('Venta', 'Usuario responsable', 'Segmento del cliente', 'Fuente', 'Tomador de decisiones', 'Fecha de reunión', 'Propuesta enviada', 'Motivo de pérdida', 'Teléfono del trabajo', 'Correo'),
  },
  {
    lang: 'pt',
    pipeline: 'Funil de vendas',
    stage: 'Contato inicial',
    timeInStage: '(2 horas)',
    labels: label('Venda', 'Usuário responsável', 'Segmento do cliente', 'Origem', 'Tomador de decisão', 'Data da reunião', 'Proposta enviada', 'Motivo da perda', 'Telefone comercial', 'E-mail'),
  },
  {
    lang: 'tr',
    pipeline: 'Satış hunisi',
    stage: 'İlk temas',
    timeInStage: '(3 gün)',
    labels: label('Satış', 'Sorumlu kullanıcı', 'Müşteri segmenti', 'Kaynak', 'Karar verici', 'Toplantı tarihi', 'Teklif gönderildi', 'Kayıp nedeni', 'İş telefonu', 'E-posta'),
  },
  {
    lang: 'id',
    pipeline: 'Saluran penjualan',
    stage: 'Kontak awal',
    timeInStage: '(5 hari)',
    labels: label('Penjualan', 'Penanggung jawab', 'Segmen klien', 'Sumber', 'Pengambil keputusan', 'Tanggal pertemuan', 'Penawaran terkirim', 'Alasan kalah', 'Telepon kantor', 'Surel'),
  },
];

/** The English card rewritten into `card`'s language, with the URL it was saved from. */
export function kommoCardIn(card: KommoUiCard): { doc: Document; u: URL } {
  const { doc, u } = fixture('amocrm/2025-11-kommo-lead-card-en.html');
  doc.documentElement.lang = card.lang;
  for (const el of doc.querySelectorAll('.linked-form__field__label')) {
    const mine = card.labels[el.getAttribute('title') ?? ''];
    if (mine === undefined) continue;
    el.setAttribute('title', mine);
    el.querySelector('span')!.textContent = mine;
  }
  for (const el of doc.querySelectorAll('.pipeline-select-view__pipeline')) el.textContent = card.pipeline;
  const view = doc.querySelector<HTMLElement>('#card_status_view_mode')!;
  view.dataset['statusId'] = '77002';
  view.querySelector('.pipeline-select-view__status')!.textContent = `${card.stage} ${card.timeInStage}`;
  for (const radio of doc.querySelectorAll<HTMLInputElement>('input[name="lead[STATUS]"]')) radio.checked = radio.value === '77002';
  return { doc, u };
}
