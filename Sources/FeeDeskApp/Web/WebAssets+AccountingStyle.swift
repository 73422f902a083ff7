extension WebAssets {
    /// The accounting pages' part of `feedesk.css` (statement upload, review queue, day view), served
    /// as one style sheet with `style`.
    static let accountingStyle = #"""

    /* Accounting pages: shared */
    h2.card-title { font-size: 1.05rem; margin: 0 0 .9rem; color: var(--blue-dark); display: flex; align-items: center; gap: .6rem; flex-wrap: wrap; }
    .sub { color: var(--muted); margin: .25rem 0 0; font-size: .92rem; }
    .muted { color: var(--muted); }
    .lead-text { color: var(--muted); margin: -.4rem 0 .6rem; font-size: .93rem; }
    .two-col { display: grid; grid-template-columns: minmax(360px, 1fr) minmax(400px, 1.15fr); gap: 1.5rem; align-items: start; }
    .field-row { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; }
    label.check { display: flex; gap: .55rem; align-items: flex-start; font-weight: 400; font-size: .9rem; margin-top: 1rem; }
    label.check input { width: auto; margin-top: .2rem; }
    input[type="file"] { padding: .6rem; background: #fafbfc; border-style: dashed; cursor: pointer; }
    textarea { font: inherit; width: 100%; padding: .5rem .75rem; border: 1px solid #b9c2cd; border-radius: 7px; resize: vertical; }
    textarea:focus { outline: 3px solid rgba(11,79,138,.3); border-color: var(--blue); }
    textarea[aria-invalid="true"] { border-color: var(--red); background: #fffafa; }
    a.button-link { display: inline-block; padding: .5rem .9rem; border: 1px solid #b9c2cd; border-radius: 7px; text-decoration: none;
                    color: var(--ink); font-weight: 600; background: #fff; white-space: nowrap; }
    a.button-link:hover { background: #f5f7fa; }
    a.button-link.primary { background: var(--blue); border-color: var(--blue); color: #fff; }
    button.danger { background: var(--red); border-color: var(--red); color: #fff; }
    button.danger:hover { background: #912018; }
    button.danger-outline { color: var(--red); border-color: #e8a39c; }
    button.danger-outline:hover { background: var(--red-soft); }
    button:disabled { cursor: not-allowed; }
    small.detail { display: block; color: var(--muted); font-size: .78rem; margin-top: .2rem; overflow-wrap: anywhere; }
    .ok-text { color: var(--green); font-weight: 600; }
    .hint.warn, .warn { color: var(--amber); }
    .empty.small { padding: 1.5rem 1rem; }
    .big-icon.ok { color: var(--green); }
    table.list.compact td, table.list.compact th { padding: .4rem .55rem; }
    table.list tr.zero td { color: #98a2b3; }
    table.list tfoot th { border-top: 2px solid var(--line); padding: .55rem .6rem; text-align: left; color: var(--ink); }
    table.list tfoot th.num { text-align: right; }
    .dot { display: inline-block; width: .65rem; height: .65rem; border-radius: 50%; margin-right: .5rem; background: #b9c2cd; }
    .dot.matched, .dot.remittance { background: var(--green); }
    .dot.underpaid, .dot.unmatched, .dot.unexplained { background: #e0a030; }
    .dot.overpaid, .dot.duplicate, .dot.refund { background: var(--red); }
    .dot.ignored, .dot.bank_fee { background: #7a8699; }
    .pill.matched { background: var(--green-soft); color: var(--green); }
    .pill.underpaid, .pill.unmatched { background: var(--amber-soft); color: var(--amber); }
    .pill.duplicate { background: var(--red-soft); color: var(--red); }
    .pill.refund { background: var(--blue-soft); color: var(--blue-dark); }
    .pill.ignored { background: #eef0f3; color: var(--muted); }

    /* Statement upload */
    .progress { display: grid; grid-template-columns: 1fr auto; gap: .8rem; align-items: center; margin-top: 1.1rem; }
    .progress progress { width: 100%; height: 14px; appearance: none; border: 0; border-radius: 7px; background: #e4e8ee; overflow: hidden; }
    .progress progress::-webkit-progress-bar { background: #e4e8ee; border-radius: 7px; }
    .progress progress::-webkit-progress-value { background: var(--blue); border-radius: 7px; }
    .progress.done progress::-webkit-progress-value { background: var(--green); }
    .progress.failed progress::-webkit-progress-value { background: var(--red); }
    .progress span { font-size: .88rem; color: var(--muted); white-space: nowrap; }
    .summary-head { display: flex; flex-direction: column; gap: .15rem; padding: .8rem 1rem; border-radius: 8px; margin-bottom: 1rem; }
    .summary-head.done { background: var(--green-soft); border: 1px solid #b7dfc6; color: var(--green); }
    .summary-head.known { background: var(--amber-soft); border: 1px solid #f3d19b; color: var(--amber); }
    .summary-head strong { font-size: 1.1rem; }
    .summary-head .file { color: var(--ink); font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .88rem; overflow-wrap: anywhere; }
    #summary .facts { margin-bottom: 1.2rem; }
    .verdict { display: block; }
    .verdict.ok { color: var(--green); }
    .verdict.bad { color: var(--red); }
    .verdict.warn { color: var(--amber); }
    .next-step { margin: 1.2rem 0 0; }

    /* Review queue */
    .queue { display: flex; flex-direction: column; gap: .9rem; margin-top: 1rem; }
    .group-head { display: flex; align-items: baseline; gap: 1rem; margin-top: .6rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
    .group-head h2 { font-size: 1.05rem; margin: 0; color: var(--blue-dark); }
    .group-head a { margin-left: auto; font-size: .9rem; }
    .item { border: 1px solid var(--line); border-left: 5px solid #e0a030; border-radius: 9px; padding: .9rem 1.1rem; background: #fff; }
    .item.flash { box-shadow: 0 0 0 3px rgba(11,79,138,.3); }
    .item.resolved { border-left-color: var(--green); background: #fbfdfc; }
    .item.resolved { padding: .6rem 1.1rem; }
    .item.resolved .memo-line { margin: .3rem 0; }
    .resolved-line { display: flex; align-items: center; gap: 1rem; }
    .resolved-line .ok-text { flex: 1; }
    .resolved-line .item-actions { margin: 0; }
    .item-head { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
    .item-title { display: flex; align-items: center; gap: .7rem; flex-wrap: wrap; font-size: .9rem; }
    .item-id { font-weight: 700; }
    .item-amount { font-size: 1.45rem; font-weight: 800; white-space: nowrap; }
    .memo-line { margin: .5rem 0 .7rem; font-size: .95rem; overflow-wrap: anywhere; }
    .memo { background: #f3f5f8; border: 1px solid var(--line); border-radius: 5px; padding: .05rem .4rem; font-size: .9rem; white-space: pre-wrap; }
    .item-body { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.25fr); gap: 1.4rem; align-items: start; }
    .issue { margin: 0 0 .4rem; font-weight: 600; color: var(--amber); }
    .decide h3 { font-size: .85rem; text-transform: uppercase; letter-spacing: .4px; color: var(--muted); margin: 0 0 .4rem; }
    .suggestions { list-style: none; margin: 0 0 .6rem; padding: 0; display: flex; flex-direction: column; gap: .4rem; }
    .suggestions li { display: grid; grid-template-columns: 3.2rem 1fr auto; gap: .7rem; align-items: center; padding: .45rem .6rem;
                      border: 1px solid #c5d8ec; background: var(--blue-soft); border-radius: 8px; }
    .suggestions .score { font-weight: 800; color: var(--blue-dark); text-align: center; }
    .suggestions small { display: block; color: var(--muted); font-size: .8rem; }
    .suggestions button { padding: .4rem .8rem; font-size: .9rem; }
    .item-actions { display: flex; gap: .5rem; flex-wrap: wrap; margin-top: .4rem; }
    .item-actions button { padding: .4rem .85rem; font-size: .9rem; }
    .act-form { margin-top: .8rem; padding: .7rem 1rem .9rem; border: 1px solid var(--line); border-radius: 8px; background: #fafbfc; }
    .act-form h3 { font-size: .95rem; margin: 0; text-transform: none; letter-spacing: 0; color: var(--ink); }
    .act-form label { margin-top: .55rem; font-size: .85rem; }
    .act-form .item-actions { margin-top: .7rem; }
    .item-message .message { margin-top: .7rem; }

    /* Day view */
    .page-head { display: flex; justify-content: space-between; align-items: flex-end; gap: 1rem; flex-wrap: wrap; margin-bottom: 1rem; }
    .page-head h1 { margin: 0; }
    .day-state { padding: .8rem 1.1rem; border-radius: 9px; margin-bottom: 1.2rem; font-size: 1rem; }
    .day-state.closed { background: var(--green); color: #fff; }
    .day-state.ready { background: var(--green-soft); color: var(--green); border: 1px solid #b7dfc6; }
    .day-state.blocked { background: var(--amber-soft); color: var(--amber); border: 1px solid #f3d19b; }
    .day-state q { font-style: italic; }
    .day-grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1.2rem; align-items: start; margin-bottom: 1.2rem; }
    table.ledger { width: 100%; border-collapse: collapse; font-size: .98rem; }
    table.ledger th { text-align: left; font-weight: 400; color: var(--muted); padding: .45rem 0; }
    table.ledger td { font-weight: 600; padding: .45rem 0; }
    table.ledger tr.total th, table.ledger tr.total td { border-top: 2px solid var(--ink); color: var(--ink); font-weight: 800; font-size: 1.08rem; }
    #exceptions { margin-bottom: 1.2rem; }
    #exceptions td small.detail { margin-top: .3rem; }
    #blockers ul { margin: .4rem 0 0; padding-left: 1.2rem; }
    #blockers li { margin: .2rem 0; }
    #blockers small { display: block; color: var(--muted); font-size: .78rem; }
    .close-card .actions { margin-top: 1rem; }
    .confirm { margin-top: 1rem; padding: .8rem 1rem; border: 1px solid var(--line); border-radius: 8px; background: #fafbfc; }
    .confirm p { margin: 0 0 .6rem; font-weight: 600; }
    .confirm label { margin-top: 0; }
    .confirm .actions { margin-top: .7rem; }

    @media (max-width: 1100px) {
      .two-col, .item-body, .day-grid { grid-template-columns: 1fr; }
    }
    """#
}
