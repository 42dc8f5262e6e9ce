/**
 * Labels the default fields commonly carry on Kommo accounts in the other UI languages Kommo
 * ships besides Russian and English: Spanish, Portuguese (Brazil), Turkish and Indonesian
 * (Kommo help, "Edit your profile information", read 2026-12). Custom fields are named by
 * each account's admins, usually in the account's language, so the playbook's default
 * aliases cover these too; a team adds its own labels (or the field's stable id, `keys`).
 */
export const KOMMO_UI_ALIASES: Record<string, readonly string[]> = {
  contact: [
    'Teléfono', 'Teléfono del trabajo', 'Móvil', 'Correo', 'Correo electrónico',
    'Telefone', 'Telefone comercial', 'Celular',
    'Telefon', 'İş telefonu', 'Cep telefonu', 'E-posta',
    'Telepon', 'Telepon kantor', 'Ponsel', 'Surel',
  ],
  lead_source: [
    'Fuente', 'Origen', 'Fuente del lead', 'Origen del lead',
    'Origem', 'Fonte', 'Origem do lead',
    'Kaynak', 'Lead kaynağı', 'Müşteri kaynağı',
    'Sumber', 'Sumber lead', 'Sumber prospek',
  ],
  company: [
    'Empresa', 'Compañía', 'Nombre de la empresa',
    'Nome da empresa',
    'Şirket', 'Firma', 'Şirket adı',
    'Perusahaan', 'Nama perusahaan',
  ],
  need: [
    'Necesidad', 'Necesidad del cliente',
    'Necessidade', 'Necessidade do cliente',
    'İhtiyaç', 'Müşteri ihtiyacı',
    'Kebutuhan', 'Kebutuhan klien',
  ],
  decision_maker: [
    'Tomador de decisiones', 'Quién decide',
    'Tomador de decisão', 'Decisor',
    'Karar verici',
    'Pengambil keputusan',
  ],
  meeting_date: [
    'Fecha de reunión', 'Fecha de la reunión', 'Reunión',
    'Data da reunião', 'Reunião',
    'Toplantı tarihi', 'Toplantı',
    'Tanggal pertemuan', 'Tanggal rapat', 'Pertemuan',
  ],
  next_step_date: [
    'Próximo paso', 'Fecha del próximo paso',
    'Próximo passo', 'Data do próximo passo',
    'Sonraki adım', 'Sonraki adım tarihi',
    'Langkah berikutnya', 'Tanggal langkah berikutnya',
  ],
  budget: ['Presupuesto', 'Venta', 'Orçamento', 'Venda', 'Bütçe', 'Satış', 'Anggaran', 'Penjualan'],
  proposal_date: [
    'Propuesta enviada', 'Fecha de la propuesta',
    'Proposta enviada', 'Data da proposta',
    'Teklif gönderildi', 'Teklif tarihi',
    'Penawaran terkirim', 'Tanggal penawaran',
  ],
  decision_date: [
    'Fecha de decisión', 'Fecha de cierre prevista',
    'Data da decisão', 'Data prevista de fechamento',
    'Karar tarihi', 'Tahmini kapanış tarihi',
    'Tanggal keputusan', 'Perkiraan tanggal penutupan',
  ],
  contract_number: [
    'Número de contrato', 'Contrato',
    'Número do contrato',
    'Sözleşme numarası', 'Sözleşme',
    'Nomor kontrak', 'Kontrak',
  ],
  loss_reason: [
    'Motivo de pérdida', 'Razón de pérdida',
    'Motivo da perda',
    'Kayıp nedeni',
    'Alasan kalah', 'Alasan gagal',
  ],
  account_manager: ['Usuario responsable', 'Responsable', 'Usuário responsável', 'Sorumlu kullanıcı', 'Sorumlu', 'Pengguna yang bertanggung jawab', 'Penanggung jawab'],
  client_segment: [
    'Segmento', 'Segmento del cliente',
    'Segmento do cliente',
    'Segment', 'Müşteri segmenti',
    'Segmen', 'Segmen klien',
  ],
};
