extension WebAssets {
    /// `feedesk.css`: the one style sheet of every page (system fonts with Vietnamese coverage, no web fonts).
    static let style = #"""
    :root {
      --blue: #0b4f8a; --blue-dark: #083a66; --blue-soft: #e8f0f8; --ink: #1b2430; --muted: #5b6675;
      --line: #d8dee6; --bg: #f2f4f7; --card: #fff; --green: #137a3e; --green-soft: #e6f4ec;
      --amber: #a15c00; --amber-soft: #fff4e0; --red: #b42318; --red-soft: #fdecea; --radius: 10px;
      font-family: "Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
      color: var(--ink); background: var(--bg); font-size: 16px; line-height: 1.45;
    }
    * { box-sizing: border-box; }
    body { margin: 0; min-height: 100vh; }
    a { color: var(--blue); }
    h1 { font-size: 1.3rem; margin: 0 0 1rem; color: var(--blue-dark); }
    [hidden] { display: none !important; }
    code, .mono { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; }

    /* Top bar */
    .topbar { display: flex; align-items: center; gap: 1.25rem; padding: 0 1.5rem; height: 60px;
              background: var(--blue); color: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
    .brand { display: flex; align-items: center; gap: .6rem; min-width: 0; }
    .brand .logo { display: grid; place-items: center; width: 36px; height: 36px; border-radius: 8px;
                   background: #fff; color: var(--blue); font-weight: 800; font-size: 1.3rem; }
    .brand strong { display: block; font-size: 1.05rem; letter-spacing: .3px; }
    .brand small { display: block; opacity: .85; font-size: .78rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 30ch; }
    .topbar nav { display: flex; gap: .25rem; flex: 1; }
    .topbar nav a { color: #fff; text-decoration: none; padding: .45rem .8rem; border-radius: 6px; opacity: .9; white-space: nowrap; }
    .topbar nav a:hover { background: rgba(255,255,255,.12); opacity: 1; }
    .topbar nav a.active { background: rgba(255,255,255,.2); font-weight: 600; opacity: 1; }
    .user { display: flex; align-items: center; gap: .8rem; font-size: .9rem; white-space: nowrap; }
    .user form { margin: 0; }
    .user button { background: transparent; border: 1px solid rgba(255,255,255,.6); color: #fff; padding: .35rem .8rem; }
    .user button:hover { background: rgba(255,255,255,.15); }

    main { padding: 1.5rem; max-width: 1400px; margin: 0 auto; }
    .card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.4rem 1.6rem;
            box-shadow: 0 1px 2px rgba(16,24,40,.05); }

    /* Forms */
    label { display: block; font-weight: 600; font-size: .92rem; margin: .8rem 0 .3rem; }
    input, select { font: inherit; width: 100%; padding: .5rem .75rem; border: 1px solid #b9c2cd; border-radius: 7px; background: #fff; color: var(--ink); }
    input:focus, select:focus, button:focus-visible { outline: 3px solid rgba(11,79,138,.3); outline-offset: 1px; border-color: var(--blue); }
    input[aria-invalid="true"] { border-color: var(--red); background: #fffafa; }
    button { font: inherit; cursor: pointer; border-radius: 7px; padding: .6rem 1.1rem; border: 1px solid #b9c2cd; background: #fff; color: var(--ink); font-weight: 600; }
    button:hover { background: #f5f7fa; }
    button:disabled { opacity: .6; cursor: progress; }
    button.primary { background: var(--blue); border-color: var(--blue); color: #fff; }
    button.primary:hover { background: var(--blue-dark); }
    button.big { width: 100%; margin-top: 1.1rem; padding: .8rem; font-size: 1.1rem; }
    .hint { color: var(--muted); font-size: .85rem; margin: .35rem 0 0; }
    .message { margin: 1rem 0 0; padding: .75rem 1rem; border-radius: 8px; font-size: .95rem; }
    .message.error { background: var(--red-soft); color: var(--red); border: 1px solid #f5c2bd; }
    .message.ok { background: var(--green-soft); color: var(--green); border: 1px solid #b7dfc6; }
    .message small { display: block; color: var(--muted); margin-top: .25rem; }
    .message button { margin-top: .5rem; }
    .amount-input { position: relative; }
    .amount-input input { padding-right: 2.2rem; font-size: 1.15rem; font-weight: 600; text-align: right; }
    .amount-input span { position: absolute; right: .8rem; top: 50%; transform: translateY(-50%); color: var(--muted); }

    /* Fee search */
    .search { position: relative; }
    .results { list-style: none; margin: .25rem 0 0; padding: .25rem; border: 1px solid var(--line); border-radius: 8px;
               background: #fff; max-height: 290px; overflow: auto; position: absolute; z-index: 5; width: 100%;
               box-shadow: 0 8px 24px rgba(16,24,40,.14); }
    .results li { display: flex; justify-content: space-between; gap: 1rem; padding: .5rem .65rem; border-radius: 6px; cursor: pointer; }
    .results li[aria-selected="true"], .results li:hover { background: var(--blue-soft); }
    .results .name { font-weight: 600; }
    .results .meta { display: block; color: var(--muted); font-size: .8rem; }
    .results .price { white-space: nowrap; font-weight: 600; }
    .results .none { color: var(--muted); cursor: default; }
    .chosen { display: flex; justify-content: space-between; gap: .8rem; margin-top: .4rem; padding: .4rem .7rem; border-radius: 7px;
              background: var(--blue-soft); border: 1px solid #c5d8ec; font-size: .85rem; }
    .chosen span { color: var(--muted); white-space: nowrap; }

    /* Desk page */
    .desk-grid { display: grid; grid-template-columns: minmax(340px, 430px) 1fr; gap: 1.5rem; align-items: start; }
    .desk-id { display: flex; align-items: center; gap: .5rem; font-size: .9rem; white-space: nowrap; padding-right: 1.2rem;
               border-right: 1px solid rgba(255,255,255,.3); }
    .desk-id label { margin: 0; font-weight: 400; }
    .desk-id input { width: 8.5rem; padding: .3rem .5rem; background: rgba(255,255,255,.12); border-color: rgba(255,255,255,.45); color: #fff; }
    .desk-id input[aria-invalid="true"] { border-color: #ffb4aa; background: rgba(180,35,24,.35); }
    .desk-id a { color: #fff; }
    .empty { text-align: center; color: var(--muted); padding: 4.5rem 1rem; }
    .empty .big-icon { font-size: 3rem; color: #b9c2cd; }
    .status { text-align: center; font-weight: 800; font-size: 1.35rem; letter-spacing: .5px; padding: .7rem; border-radius: 8px; margin-bottom: 1.2rem; }
    .status.pending { background: var(--amber-soft); color: var(--amber); border: 1px solid #f3d19b; }
    .status.paid { background: var(--green); color: #fff; font-size: 1.6rem; }
    .status.cancelled { background: var(--red-soft); color: var(--red); }
    .pay-grid { display: grid; grid-template-columns: auto 1fr; gap: 1.8rem; align-items: start; }
    .qr-box { position: relative; width: 300px; height: 300px; border: 1px solid var(--line); border-radius: 10px; padding: 6px; background: #fff; }
    .qr-box img { width: 100%; height: 100%; display: block; image-rendering: pixelated; }
    .qr-box .stamp { position: absolute; inset: 0; display: grid; place-items: center; background: rgba(255,255,255,.92);
                     color: var(--green); font-size: 6rem; font-weight: 800; border-radius: 10px; }
    .figure { font-size: 2.4rem; font-weight: 800; margin: 0; color: var(--ink); letter-spacing: .5px; }
    .words { font-style: italic; color: var(--muted); margin: .2rem 0 1rem; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .45rem 1.2rem; margin: 0; font-size: .95rem; }
    .facts dt { color: var(--muted); }
    .facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
    .reference { font-size: 1.25rem; letter-spacing: 1px; padding: .1rem .5rem; border: 2px dashed var(--blue); border-radius: 6px; color: var(--blue-dark); }
    .actions { display: flex; gap: .7rem; margin-top: 1.5rem; flex-wrap: wrap; }
    .actions .spacer { flex: 1; }
    .cash { margin-top: 1.2rem; padding: 1rem 1.2rem; border: 1px solid var(--line); border-radius: 8px; background: #fafbfc; }
    .cash h2 { font-size: 1rem; margin: 0; }
    .cash .row { display: grid; grid-template-columns: 1fr 1fr auto; gap: .8rem; align-items: end; }
    .cash label { margin-top: .6rem; }

    /* Lists */
    .card-head { display: flex; justify-content: space-between; align-items: end; gap: 1rem; flex-wrap: wrap; margin-bottom: 1rem; }
    .card-head h1 { margin: 0; }
    .filters { display: flex; gap: .6rem; align-items: center; }
    .filters input, .filters select { width: auto; }
    table.list { width: 100%; border-collapse: collapse; font-size: .93rem; }
    table.list th { text-align: left; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); padding: .55rem .6rem; white-space: nowrap; }
    table.list td { border-bottom: 1px solid var(--line); padding: .55rem .6rem; vertical-align: top; }
    table.list td.mono { white-space: nowrap; }
    table.list td.num, table.list th.num { text-align: right; white-space: nowrap; }
    table.list tr:hover td { background: #f8fafc; }
    .pill { display: inline-block; padding: .1rem .6rem; border-radius: 999px; font-size: .8rem; font-weight: 700; white-space: nowrap; }
    .pill.paid { background: var(--green-soft); color: var(--green); }
    .pill.unpaid { background: var(--amber-soft); color: var(--amber); }
    .pill.partially_paid { background: #fff0d6; color: #8a4b00; }
    .pill.overpaid, .pill.cancelled { background: var(--red-soft); color: var(--red); }
    .totals { color: var(--muted); margin: 1rem 0 0; }

    /* Sign-in */
    body.login { display: grid; place-items: center; background: linear-gradient(160deg, var(--blue) 0, var(--blue-dark) 100%); padding: 1rem; }
    .login-box { width: 100%; max-width: 420px; background: #fff; border-radius: 14px; padding: 2.2rem 2.2rem 1.6rem; box-shadow: 0 20px 50px rgba(0,0,0,.3); }
    .login-box .brand { color: var(--blue); margin-bottom: .3rem; }
    .login-box .brand .logo { background: var(--blue); color: #fff; }
    .login-box .unit { color: var(--muted); font-size: .9rem; margin: 0 0 1.4rem; }
    .login-box .note { color: var(--muted); font-size: .8rem; margin: 1.4rem 0 0; border-top: 1px solid var(--line); padding-top: .9rem; }

    /* Citizen display */
    body.display { background: #fff; display: flex; flex-direction: column; }
    .display-head { display: flex; justify-content: space-between; align-items: center; padding: 1rem 2.5rem; background: var(--blue); color: #fff; }
    .display-head .unit { font-weight: 700; font-size: 1.4rem; text-transform: uppercase; letter-spacing: .5px; }
    .display-head .desk { font-size: 1.3rem; opacity: .9; }
    .display main { flex: 1; display: flex; align-items: center; justify-content: center; max-width: none; width: 100%; padding: 2rem 3rem; }
    .screen { text-align: center; }
    .screen h1 { font-size: 3.4rem; margin: 0 0 1rem; }
    .screen p.lead { font-size: 1.8rem; color: var(--muted); margin: 0; }
    .display-grid { display: grid; grid-template-columns: auto 1fr; gap: 4rem; align-items: center; text-align: left; }
    .display .qr-box { width: min(58vh, 520px); height: min(58vh, 520px); padding: 12px; border-width: 2px; }
    .display .label { font-size: 1.3rem; color: var(--muted); margin: 0; text-transform: uppercase; letter-spacing: .5px; }
    .display .figure { font-size: 5rem; line-height: 1.1; margin: .2rem 0; }
    .display .words { font-size: 1.5rem; margin-bottom: 1.8rem; }
    .display .reference { font-size: 2.4rem; display: inline-block; margin: .3rem 0 1.6rem; padding: .2rem 1rem; border-width: 3px; }
    .display .bankline { font-size: 1.35rem; margin: 0 0 .3rem; }
    .display .steps { font-size: 1.3rem; color: var(--muted); padding-left: 1.4rem; margin: 1.4rem 0 0; }
    .display .status { font-size: 2.2rem; margin: 2rem 0 0; padding: 1rem; }
    .display .done .check { display: inline-grid; place-items: center; width: 11rem; height: 11rem; border-radius: 50%; background: var(--green); color: #fff; font-size: 7rem; font-weight: 800; }
    .display .done h1 { color: var(--green); font-size: 4.6rem; margin: 2rem 0 .5rem; }
    .display .done .figure { margin: 0 0 1rem; }
    .display footer { text-align: right; padding: .4rem 1rem; color: var(--muted); font-size: .85rem; min-height: 1.6rem; }

    @media (max-width: 1280px) { .brand small { display: none; } }
    @media (max-width: 1100px) {
      .desk-grid { grid-template-columns: 1fr; }
      .pay-grid, .display-grid { grid-template-columns: 1fr; justify-items: center; text-align: center; }
      .facts { text-align: left; }
    }
    @media print { .topbar, .actions, .cash, .desk-id { display: none !important; } }
    """#
}
