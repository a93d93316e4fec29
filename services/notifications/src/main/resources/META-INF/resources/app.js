// Liftguard coach page: the coach's live feed and each athlete's load and risk over time.
// Plain ES2020, no dependencies: the page is served by the notifications service itself and must work offline.
'use strict';

(() => {
  const STORAGE_KEY = 'liftguard.coach.settings';
  const PAGE_SIZE = 50;
  const SERIES_DAYS = 42;
  const SEVERITY_RANK = { URGENT: 0, HIGH: 1, INFO: 2 };
  const SEVERITY_LABEL = { URGENT: 'Urgent', HIGH: 'High', INFO: 'Info' };
  const RISK_LABEL = { LOW: 'Low', MODERATE: 'Moderate', HIGH: 'High', CRITICAL: 'Critical' };
  const TRIAGE_LABEL = {
    EMERGENCY: 'Emergency', SEE_CLINICIAN: 'See clinician',
    MODIFY_TRAINING: 'Modify training', NORMAL_SORENESS: 'Normal soreness',
  };
  const TRIAGE_ORDER = { EMERGENCY: 0, SEE_CLINICIAN: 1, MODIFY_TRAINING: 2, NORMAL_SORENESS: 3 };
  const BACKOFF_MIN_MS = 1000;
  const BACKOFF_MAX_MS = 30000;
  const DAY_MS = 86400000;
  const SVG_NS = 'http://www.w3.org/2000/svg';

  const $ = (sel, root = document) => root.querySelector(sel);

  const state = {
    settings: null,
    items: new Map(), // id -> feed item
    nextCursor: null,
    athletes: [], // [{ athleteId, displayName }]
    athletesFromFeed: false,
    selectedAthlete: null,
    lastEventId: null,
    stream: null, // { controller }
    streamRetryTimer: null,
    seriesToken: 0,
    seriesRefreshTimer: null,
  };

  // ---------------------------------------------------------------- settings

  function readSettings() {
    const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    const coach = (hash.get('coach') || '').trim();
    const key = (hash.get('key') || '').trim();
    const token = (hash.get('token') || '').trim();
    if (coach && (key || token)) {
      const settings = { coach, key: token ? '' : key, token };
      saveSettings(settings);
      // Keep the credential out of the address bar, bookmarks and screenshots of the page.
      history.replaceState(null, '', window.location.pathname + window.location.search);
      return settings;
    }
    try {
      const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
      if (stored && stored.coach && (stored.key || stored.token)) return stored;
    } catch (e) {
      // unreadable storage: fall through to the form
    }
    return null;
  }

  function saveSettings(settings) {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
    } catch (e) {
      // storage may be disabled; the page still works for this load
    }
  }

  function authHeaders() {
    const s = state.settings;
    return s.token ? { Authorization: `Bearer ${s.token}` } : { 'X-Api-Key': s.key };
  }

  function coachPath(suffix) {
    return `/v1/coaches/${encodeURIComponent(state.settings.coach)}${suffix}`;
  }

  function showSettings(message) {
    const section = $('#settings');
    const form = $('[data-testid="settings-form"]');
    const s = state.settings;
    form.elements.coach.value = s ? s.coach : '';
    form.elements.kind.value = s && s.token ? 'token' : 'key';
    form.elements.credential.value = '';
    const error = $('.form-error', form);
    error.textContent = message || '';
    error.hidden = !message;
    $('[data-action="cancel-settings"]', form).hidden = !s;
    section.hidden = false;
    $('[data-testid="settings-button"]').setAttribute('aria-expanded', 'true');
    form.elements.coach.focus();
  }

  function hideSettings() {
    $('#settings').hidden = true;
    $('[data-testid="settings-button"]').setAttribute('aria-expanded', 'false');
  }

  function onSettingsSubmit(event) {
    event.preventDefault();
    const form = event.currentTarget;
    const coach = form.elements.coach.value.trim();
    const credential = form.elements.credential.value.trim();
    const error = $('.form-error', form);
    if (!coach || !credential) {
      error.textContent = 'Both the coach id and a key or token are needed.';
      error.hidden = false;
      return;
    }
    const isToken = form.elements.kind.value === 'token';
    const settings = { coach, key: isToken ? '' : credential, token: isToken ? credential : '' };
    saveSettings(settings);
    hideSettings();
    start(settings);
  }

  // ---------------------------------------------------------------- HTTP

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, options = {}) {
    let response;
    try {
      response = await fetch(path, {
        ...options,
        headers: { Accept: 'application/json', ...authHeaders(), ...(options.headers || {}) },
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (e) {
      throw new ApiError(0, 'Cannot reach the Liftguard service (network error).');
    }
    if (!response.ok) {
      let detail = '';
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || '';
      } catch (e) {
        // not a problem document; the status says enough
      }
      throw new ApiError(response.status, detail);
    }
    try {
      return await response.json();
    } catch (e) {
      throw new ApiError(response.status, 'The service sent an answer this page cannot read.');
    }
  }

  function describeError(error, what) {
    if (!(error instanceof ApiError)) return `Could not load ${what}: ${error.message || error}`;
    switch (error.status) {
      case 0: return `Could not load ${what}: the service cannot be reached. Check your connection.`;
      case 401: return 'Your API key or coach token was refused (401). Check it and sign in again.';
      case 403: return `You are not allowed to see ${what} (403).`;
      case 404: return `No ${what} found for coach “${state.settings.coach}” with these credentials (404).`;
      default: return `Could not load ${what} (HTTP ${error.status}${error.message ? `: ${error.message}` : ''}).`;
    }
  }

  // ---------------------------------------------------------------- notices

  function showNotice(message, { retry } = {}) {
    const notice = $('[data-testid="notice"]');
    notice.replaceChildren(document.createTextNode(message));
    if (retry) {
      const button = el('button', { type: 'button', class: 'button button-quiet' }, 'Retry');
      button.addEventListener('click', retry);
      notice.append(' ', button);
    }
    notice.hidden = false;
  }

  function clearNotice() {
    const notice = $('[data-testid="notice"]');
    notice.hidden = true;
    notice.replaceChildren();
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : String(v));
    }
    node.append(...children.filter((c) => c !== undefined && c !== null));
    return node;
  }

  // ---------------------------------------------------------------- feed

  function attentionOrder(a, b) {
    const ackA = a.acknowledgedAt ? 1 : 0;
    const ackB = b.acknowledgedAt ? 1 : 0;
    if (ackA !== ackB) return ackA - ackB;
    const sev = (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3);
    if (sev !== 0) return sev;
    const time = Date.parse(b.createdAt || 0) - Date.parse(a.createdAt || 0);
    if (time !== 0) return time;
    return String(b.id).localeCompare(String(a.id));
  }

  function mergeItems(items) {
    for (const item of items || []) {
      if (item && item.id) state.items.set(item.id, item);
    }
  }

  async function loadFeed({ older = false } = {}) {
    const list = $('[data-testid="feed-list"]');
    list.dataset.state = 'loading';
    list.setAttribute('aria-busy', 'true');
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (older && state.nextCursor) query.set('after', state.nextCursor);
    try {
      const page = await api(coachPath(`/notifications?${query}`));
      mergeItems(page.items);
      // Only the oldest page walked so far decides whether there is more; a refresh of the head keeps it.
      if (older || state.nextCursor === null) state.nextCursor = page.nextCursor || null;
      list.dataset.state = 'loaded';
      renderFeed();
      if (state.athletesFromFeed) deriveAthletesFromFeed();
      return true;
    } catch (error) {
      list.dataset.state = 'error';
      if (error.status === 401) {
        stopStream();
        setConnection('error', 'Not signed in');
        showSettings(describeError(error, 'notifications'));
      }
      showNotice(describeError(error, 'notifications'), error.status === 401 ? {}
        : { retry: () => { clearNotice(); loadFeed({ older }); } });
      renderFeed();
      return false;
    } finally {
      list.removeAttribute('aria-busy');
    }
  }

  function renderFeed() {
    const list = $('[data-testid="feed-list"]');
    const items = [...state.items.values()].sort(attentionOrder);
    const template = $('#feed-item-template');
    const nodes = items.map((item) => renderItem(template, item));
    list.replaceChildren(...nodes);
    $('[data-testid="feed-empty"]').hidden = items.length > 0 || list.dataset.state !== 'loaded';
    $('[data-testid="feed-more"]').hidden = !state.nextCursor;
    const open = items.filter((i) => !i.acknowledgedAt);
    const urgent = open.filter((i) => i.severity === 'URGENT').length;
    $('[data-testid="feed-summary"]').textContent = items.length === 0 ? ''
      : `${open.length} to review${urgent ? `, ${urgent} urgent` : ''} · ${items.length} shown`;
    document.title = urgent ? `(${urgent}) Liftguard · Coach` : 'Liftguard · Coach';
  }

  function renderItem(template, item) {
    const li = template.content.firstElementChild.cloneNode(true);
    const severity = SEVERITY_RANK[item.severity] !== undefined ? item.severity : 'INFO';
    li.dataset.id = item.id;
    li.dataset.severity = severity;
    li.dataset.athleteId = item.athleteId || '';
    li.classList.add(`severity-${severity}`);
    if (item.acknowledgedAt) li.classList.add('is-acked');
    const titleId = `item-title-${cssId(item.id)}`;
    $('article', li).setAttribute('aria-labelledby', titleId);

    const badge = $('.badge', li);
    badge.textContent = SEVERITY_LABEL[severity];
    badge.classList.add(`badge-${severity}`);
    const title = $('.item-title', li);
    title.id = titleId;
    title.textContent = item.title || '(untitled)';
    if (typeof item.repeats === 'number' && item.repeats > 1) {
      const repeats = $('.repeats', li);
      repeats.textContent = `×${item.repeats}`;
      repeats.title = `Happened ${item.repeats} times`;
      repeats.hidden = false;
    }
    $('.item-athlete', li).textContent = athleteName(item.athleteId);
    setTime($('.item-time', li), item.createdAt);
    $('.item-body', li).textContent = item.body || '';

    const reasons = Array.isArray(item.reasons) ? item.reasons : [];
    $('.reasons', li).append(...reasons.map((r) => el('li', {},
      el('code', {}, String(r.code || '')), ' ', String(r.message || ''))));
    $('.item-reasons', li).hidden = reasons.length === 0;
    const actions = Array.isArray(item.recommendedActions) ? item.recommendedActions : [];
    $('.recommended', li).append(...actions.map((a) => el('li', {}, String(a))));
    $('.item-actions', li).hidden = actions.length === 0;

    const ack = $('.ack', li);
    const acked = $('.acked', li);
    if (item.acknowledgedAt) {
      ack.hidden = true;
      acked.hidden = false;
      acked.append('Acknowledged ', timeEl(item.acknowledgedAt));
    } else {
      ack.setAttribute('aria-describedby', titleId);
      ack.addEventListener('click', () => acknowledge(item.id, ack));
    }
    return li;
  }

  function cssId(id) {
    return String(id).replace(/[^A-Za-z0-9_-]/g, '_');
  }

  async function acknowledge(id, button) {
    button.disabled = true;
    button.textContent = 'Acknowledging…';
    try {
      const updated = await api(coachPath(`/notifications/${encodeURIComponent(id)}/ack`), { method: 'POST' });
      mergeItems([updated]);
      clearNotice();
    } catch (error) {
      showNotice(error.status === 404
        ? 'That notification no longer exists (404).'
        : describeError(error, 'the acknowledgement'));
    }
    renderFeed();
    // The acknowledged item moves down; keep keyboard users in the feed.
    const next = $('[data-testid="feed-item"]:not(.is-acked) .ack');
    (next || $('#feed-heading')).focus();
  }

  // ---------------------------------------------------------------- time

  const timeFormat = new Intl.DateTimeFormat(undefined, {
    day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  });
  const relativeFormat = typeof Intl.RelativeTimeFormat === 'function'
    ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }) : null;

  function relative(ms) {
    if (!relativeFormat) return '';
    const seconds = Math.round((ms - Date.now()) / 1000);
    const abs = Math.abs(seconds);
    if (abs < 60) return relativeFormat.format(seconds, 'second');
    if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
    if (abs < 86400) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
    return relativeFormat.format(Math.round(seconds / 86400), 'day');
  }

  function setTime(node, iso) {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) {
      node.textContent = '';
      return node;
    }
    node.dateTime = iso;
    node.title = new Date(ms).toISOString();
    const rel = relative(ms);
    node.textContent = rel ? `${timeFormat.format(ms)} (${rel})` : timeFormat.format(ms);
    return node;
  }

  function timeEl(iso) {
    return setTime(document.createElement('time'), iso);
  }

  // ---------------------------------------------------------------- live stream

  function setConnection(kind, text) {
    const node = $('[data-testid="connection"]');
    node.dataset.state = kind;
    $('.connection-text', node).textContent = text;
  }

  function stopStream() {
    clearTimeout(state.streamRetryTimer);
    state.streamRetryTimer = null;
    if (state.stream) state.stream.controller.abort();
    state.stream = null;
  }

  function startStream() {
    stopStream();
    let attempt = 0;
    const session = { controller: new AbortController() };
    state.stream = session;

    const retry = (why) => {
      if (state.stream !== session) return;
      const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
      // Jitter so that many open pages do not reconnect in lockstep after a restart.
      const wait = Math.round(delay * (0.75 + Math.random() * 0.5));
      attempt += 1;
      setConnection('retrying', `${why} · retrying in ${Math.ceil(wait / 1000)} s`);
      state.streamRetryTimer = setTimeout(connect, wait);
    };

    const connect = async () => {
      if (state.stream !== session) return;
      session.controller = new AbortController();
      setConnection('connecting', attempt === 0 ? 'Connecting…' : 'Reconnecting…');
      const headers = { Accept: 'text/event-stream', ...authHeaders() };
      if (state.lastEventId) headers['Last-Event-ID'] = state.lastEventId;
      let response;
      try {
        response = await fetch(coachPath('/notifications/stream'), {
          headers, cache: 'no-store', credentials: 'omit', signal: session.controller.signal,
        });
      } catch (e) {
        if (session.controller.signal.aborted) return;
        retry('Offline');
        return;
      }
      if (response.status === 401) {
        setConnection('error', 'Not signed in');
        showSettings(describeError(new ApiError(401, ''), 'live updates'));
        return;
      }
      if (response.status === 400 && state.lastEventId) {
        // The resume point was refused (say, the feed was reset): start afresh; the feed is reloaded on connect.
        state.lastEventId = null;
        retry('Resyncing');
        return;
      }
      if (!response.ok || !response.body) {
        retry(response.status === 404 ? 'Live updates unavailable' : `Live updates failed (HTTP ${response.status})`);
        return;
      }
      attempt = 0;
      setConnection('live', 'Live');
      // Whatever arrived between the last page load and this connection is not replayed without a
      // Last-Event-ID, so fetch the head of the feed again; merging by id makes it harmless.
      if (!state.lastEventId) loadFeed();
      try {
        await readEvents(response.body, session.controller.signal, onStreamEvent);
        if (state.stream === session) retry('Disconnected');
      } catch (e) {
        if (session.controller.signal.aborted) return;
        retry('Connection lost');
      }
    };

    connect();
  }

  // A minimal text/event-stream parser (https://html.spec.whatwg.org/multipage/server-sent-events.html):
  // fetch() is used instead of EventSource because EventSource cannot send the auth headers.
  async function readEvents(body, signal, onEvent) {
    const reader = body.getReader();
    const decoder = new TextDecoder('utf-8');
    let buffer = '';
    let event = { type: '', data: [] };
    let idBuffer = state.lastEventId;
    const onAbort = () => reader.cancel().catch(() => {});
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          // A \r held back below was a whole line ending after all.
          if (!buffer.endsWith('\r')) break;
          buffer += '\n';
        } else {
          buffer += decoder.decode(value, { stream: true });
        }
        let newline;
        while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
          // A lone \r at the end of the buffer may be the first half of \r\n: wait for more.
          if (buffer[newline] === '\r' && newline === buffer.length - 1) break;
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
          if (line === '') {
            // Only a complete event moves the resume point: one cut off mid-way is sent again after reconnecting.
            state.lastEventId = idBuffer || null;
            if (event.data.length > 0) onEvent({ id: idBuffer, type: event.type || 'message', data: event.data.join('\n') });
            event = { type: '', data: [] };
            continue;
          }
          if (line.startsWith(':')) continue; // keep-alive comment
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let val = colon < 0 ? '' : line.slice(colon + 1);
          if (val.startsWith(' ')) val = val.slice(1);
          if (field === 'data') event.data.push(val);
          else if (field === 'event') event.type = val;
          else if (field === 'id' && !val.includes('\0')) idBuffer = val;
          // 'retry' and unknown fields are ignored: reconnection uses its own backoff.
        }
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  function onStreamEvent(event) {
    if (event.type !== 'notification') return;
    let item;
    try {
      item = JSON.parse(event.data);
    } catch (e) {
      return; // a malformed event must not break the feed
    }
    if (!item || !item.id) return;
    mergeItems([item]);
    renderFeed();
    if (!state.athletes.some((a) => a.athleteId === item.athleteId) && state.athletesFromFeed) deriveAthletesFromFeed();
    if (item.athleteId && item.athleteId === state.selectedAthlete) {
      // A new triage decision or pause changes the athlete's charts; coalesce bursts into one reload.
      clearTimeout(state.seriesRefreshTimer);
      state.seriesRefreshTimer = setTimeout(() => loadSeries(state.selectedAthlete), 1500);
    }
  }

  // ---------------------------------------------------------------- athletes

  function athleteName(athleteId) {
    const athlete = state.athletes.find((a) => a.athleteId === athleteId);
    return athlete && athlete.displayName ? athlete.displayName : String(athleteId || 'unknown athlete');
  }

  async function loadAthletes() {
    try {
      const answer = await api(coachPath('/athletes'));
      state.athletesFromFeed = false;
      state.athletes = (answer.items || []).filter((a) => a && a.athleteId);
      $('[data-testid="athletes-hint"]').textContent = `Load and risk over the last ${SERIES_DAYS} days.`;
    } catch (error) {
      if (error.status === 401) return; // the feed already asks to sign in again
      // Without the athletes list, the athletes the feed mentions are still worth a tab each.
      state.athletesFromFeed = true;
      deriveAthletesFromFeed();
      $('[data-testid="athletes-hint"]').textContent = error.status === 404
        ? 'No athlete list yet; showing the athletes in your feed.'
        : `${describeError(error, 'the athlete list')} Showing the athletes in your feed.`;
    }
    renderTabs();
    renderFeed(); // display names may have arrived
  }

  function deriveAthletesFromFeed() {
    const seen = new Map(state.athletes.map((a) => [a.athleteId, a]));
    for (const item of state.items.values()) {
      if (item.athleteId && !seen.has(item.athleteId)) {
        // Feed titles start with the athlete's display name: "Ann Lifter: ...".
        const name = typeof item.title === 'string' && item.title.includes(':') ? item.title.split(':')[0] : '';
        seen.set(item.athleteId, { athleteId: item.athleteId, displayName: name || item.athleteId });
      }
    }
    const before = state.athletes.length;
    state.athletes = [...seen.values()];
    if (state.athletes.length !== before) renderTabs();
  }

  function renderTabs() {
    const tabs = $('[data-testid="athlete-tabs"]');
    const athletes = [...state.athletes].sort((a, b) =>
      String(a.displayName || a.athleteId).localeCompare(String(b.displayName || b.athleteId)));
    if (!athletes.some((a) => a.athleteId === state.selectedAthlete)) {
      state.selectedAthlete = athletes.length ? athletes[0].athleteId : null;
    }
    tabs.replaceChildren(...athletes.map((a) => {
      const selected = a.athleteId === state.selectedAthlete;
      const tab = el('button', {
        type: 'button', role: 'tab', class: 'tab', id: `tab-${cssId(a.athleteId)}`,
        'aria-selected': String(selected), 'aria-controls': 'athlete-panel', tabindex: selected ? '0' : '-1',
        'data-testid': 'athlete-tab', 'data-athlete-id': a.athleteId,
      }, a.displayName || a.athleteId);
      tab.addEventListener('click', () => selectAthlete(a.athleteId));
      return tab;
    }));
    const panel = $('[data-testid="athlete-panel"]');
    if (state.selectedAthlete) {
      panel.setAttribute('aria-labelledby', `tab-${cssId(state.selectedAthlete)}`);
      panel.removeAttribute('aria-label');
      if (panel.dataset.athleteId !== state.selectedAthlete) loadSeries(state.selectedAthlete);
    } else {
      $('[data-testid="athlete-name"]').textContent = 'No athletes yet';
      setSeriesStatus('No data yet.');
    }
  }

  function onTabKeydown(event) {
    const tabs = [...event.currentTarget.querySelectorAll('[role="tab"]')];
    const index = tabs.indexOf(document.activeElement);
    if (index < 0) return;
    const moves = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1,
      Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const target = tabs[(moves[event.key] + tabs.length) % tabs.length];
    selectAthlete(target.dataset.athleteId);
    $(`#${CSS.escape(target.id)}`).focus();
  }

  function selectAthlete(athleteId) {
    if (athleteId === state.selectedAthlete) return;
    state.selectedAthlete = athleteId;
    renderTabs();
  }

  function setSeriesStatus(text) {
    $('[data-testid="series-status"]').textContent = text;
  }

  async function loadSeries(athleteId) {
    const token = ++state.seriesToken;
    const panel = $('[data-testid="athlete-panel"]');
    panel.dataset.athleteId = athleteId;
    panel.dataset.state = 'loading';
    $('[data-testid="athlete-name"]').textContent = athleteName(athleteId);
    setSeriesStatus('Loading…');
    let series = null;
    let message = '';
    try {
      series = await api(coachPath(`/athletes/${encodeURIComponent(athleteId)}/series?days=${SERIES_DAYS}`));
    } catch (error) {
      if (error.status === 404) message = 'No data yet for this athlete.';
      else if (error.status === 401) message = 'Not signed in.';
      else message = describeError(error, 'this athlete\'s history');
    }
    if (token !== state.seriesToken) return; // another athlete was chosen meanwhile
    const known = series && Array.isArray(series.days) ? series.days.filter((d) => d && isDate(d.date)) : [];
    const triage = series && Array.isArray(series.triage) ? series.triage.filter((t) => t && t.at) : [];
    const days = series ? calendar(series, known, triage) : [];
    if (series && series.displayName) $('[data-testid="athlete-name"]').textContent = series.displayName;
    panel.dataset.state = days.length ? 'loaded' : (message ? 'error' : 'empty');
    setSeriesStatus(message || (days.length ? summarize(days, known, triage) : 'No data yet.'));
    drawCharts(days, triage);
  }

  function isDate(text) {
    return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
  }

  // The series lists only the days that have figures; the charts need every day of the range, a missing
  // day being a gap like a null, so that the time axis stays true.
  function calendar(series, known, triage) {
    const byDate = new Map(known.map((d) => [d.date, d]));
    let to = isDate(series.to) ? series.to : (known.length ? known[known.length - 1].date : null);
    if (!to && triage.length) to = new Date(Math.max(...triage.map((t) => Date.parse(t.at) || 0))).toISOString().slice(0, 10);
    if (!to) return [];
    const end = Date.parse(`${to}T00:00:00Z`);
    let start = isDate(series.from) ? Date.parse(`${series.from}T00:00:00Z`)
      : (known.length ? Math.min(Date.parse(`${known[0].date}T00:00:00Z`), end) : end - (SERIES_DAYS - 1) * DAY_MS);
    start = Math.max(start, end - 399 * DAY_MS);
    const days = [];
    for (let ms = start; ms <= end; ms += DAY_MS) {
      const date = new Date(ms).toISOString().slice(0, 10);
      days.push(byDate.get(date) || { date, dailyLoad: null, acuteLoad: null, chronicLoad: null, acwr: null, riskLevel: null });
    }
    return days;
  }

  function summarize(days, known, triage) {
    const parts = [`${dayFormat.format(Date.parse(`${days[0].date}T00:00:00Z`))} to `
      + `${dayFormat.format(Date.parse(`${days[days.length - 1].date}T00:00:00Z`))}`];
    const last = known[known.length - 1];
    if (!last) parts.push('no load recorded yet');
    if (last && isNum(last.acwr)) parts.push(`ACWR ${last.acwr.toFixed(2)} on ${last.date}`);
    if (last && last.riskLevel) parts.push(`risk ${RISK_LABEL[last.riskLevel] || last.riskLevel}`);
    parts.push(`${triage.length} triage decision${triage.length === 1 ? '' : 's'}`);
    return `${parts.join(' · ')}.`;
  }

  // ---------------------------------------------------------------- charts

  const CHART = { width: 640, left: 48, right: 14, top: 12, bottom: 30 };

  function svg(tag, attrs = {}, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v !== undefined && v !== null) node.setAttribute(k, String(v));
    }
    node.append(...children.filter((c) => c !== undefined && c !== null));
    return node;
  }

  function isNum(v) {
    return typeof v === 'number' && Number.isFinite(v);
  }

  function niceStep(max, count) {
    const raw = max / count;
    const pow = 10 ** Math.floor(Math.log10(raw));
    const unit = raw / pow;
    return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10) * pow;
  }

  function ticks(max, count = 4) {
    const step = niceStep(max > 0 ? max : 1, count);
    const top = Math.ceil((max > 0 ? max : 1) / step) * step;
    const values = [];
    for (let v = 0; v <= top + step / 2; v += step) values.push(+v.toFixed(6));
    return { top, values, step };
  }

  const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

  // The time axis shared by the three charts: one band per day of the series.
  function timeAxis(days, height) {
    const plotW = CHART.width - CHART.left - CHART.right;
    const band = plotW / days.length;
    const start = Date.parse(`${days[0].date}T00:00:00Z`);
    const x = (i) => CHART.left + (i + 0.5) * band;
    const xAt = (iso) => {
      const ms = Date.parse(iso);
      if (Number.isNaN(ms)) return null;
      const pos = (ms - start) / DAY_MS;
      if (pos < 0 || pos > days.length) return null;
      return CHART.left + pos * band;
    };
    const g = svg('g', { class: 'axis axis-x', 'aria-hidden': 'true' });
    const baseline = height - CHART.bottom;
    g.append(svg('line', { x1: CHART.left, x2: CHART.width - CHART.right, y1: baseline, y2: baseline }));
    const every = Math.max(1, Math.ceil(days.length / 7));
    days.forEach((d, i) => {
      if (i % every !== 0 && i !== days.length - 1) return;
      if (i !== days.length - 1 && days.length - 1 - i < every / 2) return; // no overlapping last label
      const ms = Date.parse(`${d.date}T00:00:00Z`);
      g.append(svg('line', { x1: x(i), x2: x(i), y1: baseline, y2: baseline + 4 }));
      g.append(svg('text', { x: x(i), y: baseline + 16, 'text-anchor': 'middle' },
        Number.isNaN(ms) ? d.date : dayFormat.format(ms)));
    });
    return { x, xAt, band, axis: g, baseline };
  }

  function yAxis(scale, t, label, height, format = (v) => String(v)) {
    const g = svg('g', { class: 'axis axis-y', 'aria-hidden': 'true' });
    for (const v of t.values) {
      const y = scale(v);
      g.append(svg('line', { class: 'grid', x1: CHART.left, x2: CHART.width - CHART.right, y1: y, y2: y }));
      g.append(svg('text', { x: CHART.left - 6, y: y + 4, 'text-anchor': 'end' }, format(v)));
    }
    const mid = (CHART.top + height - CHART.bottom) / 2;
    g.append(svg('text', { class: 'axis-label', x: 12, y: mid, 'text-anchor': 'middle',
      transform: `rotate(-90 12 ${mid})` }, label));
    return g;
  }

  function chartSvg(height, titleText, descText, testid) {
    const id = `${testid}-${state.seriesToken}`;
    return svg('svg', {
      viewBox: `0 0 ${CHART.width} ${height}`, role: 'img', class: 'chart-svg', 'data-testid': `${testid}-svg`,
      'aria-labelledby': `${id}-title ${id}-desc`, preserveAspectRatio: 'xMidYMid meet',
    }, svg('title', { id: `${id}-title` }, titleText), svg('desc', { id: `${id}-desc` }, descText));
  }

  function setChart(testid, content, empty = 'No data yet.') {
    const body = $(`[data-testid="${testid}"] .chart-body`);
    body.replaceChildren(content || el('p', { class: 'no-data' }, empty));
    $(`[data-testid="${testid}"]`).dataset.state = content ? 'drawn' : 'empty';
  }

  function drawCharts(days, triage) {
    if (!days.length) {
      setChart('chart-load', null);
      setChart('chart-acwr', null);
      setChart('chart-triage', null);
      return;
    }
    setChart('chart-load', loadChart(days), 'No data yet: no load recorded in this period.');
    setChart('chart-acwr', acwrChart(days), 'No data yet: not enough history for an ACWR.');
    setChart('chart-triage', triageChart(days, triage), 'No data yet: no risk assessment or triage decision.');
  }

  function loadChart(days) {
    const height = 200;
    const loads = days.map((d) => (isNum(d.dailyLoad) ? d.dailyLoad : null));
    if (!loads.some(isNum)) return null;
    const max = Math.max(0, ...loads.filter(isNum));
    const t = ticks(max);
    const plotBottom = height - CHART.bottom;
    const y = (v) => plotBottom - (v / t.top) * (plotBottom - CHART.top);
    const axis = timeAxis(days, height);
    const total = loads.filter(isNum).reduce((a, b) => a + b, 0);
    const root = chartSvg(height, 'Daily load',
      `Daily training load for ${days.length} days; highest ${Math.round(max)}, total ${Math.round(total)}.`,
      'chart-load');
    root.append(yAxis(y, t, 'load (AU)', height));
    const bars = svg('g', { class: 'bars' });
    const barW = Math.max(1, axis.band * 0.7);
    days.forEach((d, i) => {
      if (!isNum(loads[i])) return; // null: a gap, nothing drawn
      const top = y(loads[i]);
      bars.append(svg('rect', {
        class: 'bar', x: axis.x(i) - barW / 2, y: top, width: barW, height: Math.max(0, plotBottom - top),
      }, svg('title', {}, `${d.date}: ${Math.round(loads[i])}`)));
    });
    root.append(bars, axis.axis);
    return root;
  }

  function acwrChart(days) {
    const height = 200;
    const values = days.map((d) => (isNum(d.acwr) ? d.acwr : null));
    if (!values.some(isNum)) return null;
    const max = Math.max(2, ...values.filter(isNum).map((v) => v * 1.1));
    const t = ticks(max, 4);
    const plotBottom = height - CHART.bottom;
    const y = (v) => plotBottom - (Math.min(v, t.top) / t.top) * (plotBottom - CHART.top);
    const axis = timeAxis(days, height);
    const known = values.filter(isNum);
    const root = chartSvg(height, 'Acute:chronic workload ratio',
      known.length
        ? `ACWR over ${days.length} days, from ${Math.min(...known).toFixed(2)} to ${Math.max(...known).toFixed(2)}; `
          + `${known.filter((v) => v > 1.5).length} days above the 1.5 spike line.`
        : 'No ACWR yet: not enough history.',
      'chart-acwr');
    const right = CHART.width - CHART.right;
    root.append(svg('rect', { class: 'band', x: CHART.left, width: right - CHART.left, y: y(1.3),
      height: y(0.8) - y(1.3) }));
    root.append(yAxis(y, t, 'ACWR', height, (v) => v.toFixed(1)));
    root.append(svg('line', { class: 'spike', x1: CHART.left, x2: right, y1: y(1.5), y2: y(1.5) }));
    root.append(svg('text', { class: 'spike-label', x: CHART.left + 4, y: y(1.5) - 4, 'text-anchor': 'start' }, 'spike 1.5'));

    // One sub-path per run of known values, so that a null leaves a gap instead of a bridging line.
    let d = '';
    let run = 0;
    const singles = [];
    values.forEach((v, i) => {
      if (!isNum(v)) {
        if (run === 1) singles.push(i - 1);
        run = 0;
        return;
      }
      d += `${run === 0 ? 'M' : 'L'}${axis.x(i).toFixed(1)},${y(v).toFixed(1)}`;
      run += 1;
    });
    if (run === 1) singles.push(values.length - 1);
    if (d) root.append(svg('path', { class: 'line', d }));
    const points = svg('g', { class: 'points' });
    values.forEach((v, i) => {
      if (!isNum(v)) return;
      const level = days[i].riskLevel;
      points.append(svg('circle', {
        class: `point${singles.includes(i) ? ' single' : ''}${level ? ` risk-${level}` : ''}`,
        cx: axis.x(i), cy: y(v), r: singles.includes(i) ? 3.5 : 2.5,
      }, svg('title', {}, `${days[i].date}: ACWR ${v.toFixed(2)}${level ? `, risk ${RISK_LABEL[level] || level}` : ''}`)));
    });
    root.append(points, axis.axis);
    return root;
  }

  function marker(category, cx, cy) {
    const s = 7;
    const cls = `marker triage-${category}`;
    switch (category) {
      case 'EMERGENCY':
        return svg('path', { class: cls, d: `M${cx},${cy - s}L${cx + s},${cy}L${cx},${cy + s}L${cx - s},${cy}Z` });
      case 'SEE_CLINICIAN':
        return svg('path', { class: cls, d: `M${cx},${cy - s}L${cx + s},${cy + s * 0.8}L${cx - s},${cy + s * 0.8}Z` });
      case 'MODIFY_TRAINING':
        return svg('rect', { class: cls, x: cx - s * 0.75, y: cy - s * 0.75, width: s * 1.5, height: s * 1.5 });
      default:
        return svg('circle', { class: cls, cx, cy, r: s * 0.75 });
    }
  }

  function triageChart(days, triage) {
    const height = 120;
    const axis = timeAxis(days, height);
    const inRange = triage.filter((t) => axis.xAt(t.at) !== null);
    if (!inRange.length && !days.some((d) => d.riskLevel)) return null;
    const riskY = CHART.top;
    const riskH = 22;
    const markerY = riskY + riskH + 28;
    const counts = {};
    inRange.forEach((t) => { counts[t.category] = (counts[t.category] || 0) + 1; });
    const root = chartSvg(height, 'Risk level and triage decisions',
      `Daily risk level for ${days.length} days and ${inRange.length} triage decisions`
        + (inRange.length ? `: ${Object.entries(counts).map(([c, n]) => `${n} ${TRIAGE_LABEL[c] || c}`).join(', ')}.` : '.'),
      'chart-triage');
    const labels = svg('g', { class: 'axis axis-y', 'aria-hidden': 'true' },
      svg('text', { x: CHART.left - 6, y: riskY + riskH / 2 + 4, 'text-anchor': 'end' }, 'risk'),
      svg('text', { x: CHART.left - 6, y: markerY + 4, 'text-anchor': 'end' }, 'triage'));
    root.append(labels);
    root.append(svg('line', { class: 'grid', x1: CHART.left, x2: CHART.width - CHART.right, y1: markerY, y2: markerY }));
    const strip = svg('g', { class: 'risk-strip' });
    days.forEach((d, i) => {
      if (!d.riskLevel) return; // null: a gap
      strip.append(svg('rect', {
        class: `risk risk-${d.riskLevel}`, x: axis.x(i) - axis.band / 2, y: riskY, width: axis.band, height: riskH,
      }, svg('title', {}, `${d.date}: risk ${RISK_LABEL[d.riskLevel] || d.riskLevel}`)));
    });
    root.append(strip);
    const markers = svg('g', { class: 'markers', 'data-testid': 'triage-markers' });
    // Decisions of one day would hide each other on one spot: stack them, the most severe on top.
    const byDay = new Map();
    inRange.forEach((t) => {
      const day = Math.floor((axis.xAt(t.at) - CHART.left) / axis.band);
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(t);
    });
    for (const group of byDay.values()) {
      group.sort((a, b) => (TRIAGE_ORDER[a.category] ?? 9) - (TRIAGE_ORDER[b.category] ?? 9)
        || Date.parse(a.at) - Date.parse(b.at));
      const gap = group.length > 1 ? Math.min(15, 40 / (group.length - 1)) : 0;
      group.forEach((t, k) => {
        const cy = markerY + (k - (group.length - 1) / 2) * gap;
        const m = marker(t.category, axis.xAt(t.at), cy);
        m.append(svg('title', {}, `${new Date(Date.parse(t.at)).toISOString()}: ${TRIAGE_LABEL[t.category] || t.category}`));
        markers.append(m);
      });
    }
    root.append(markers, axis.axis);
    return root;
  }

  // ---------------------------------------------------------------- start

  function start(settings) {
    state.settings = settings;
    state.items.clear();
    state.nextCursor = null;
    state.lastEventId = null;
    state.athletes = [];
    state.selectedAthlete = null;
    delete $('[data-testid="athlete-panel"]').dataset.athleteId;
    clearNotice();
    const who = $('[data-testid="whoami"]');
    who.textContent = `Coach ${settings.coach} · ${settings.token ? 'coach token' : 'API key'}`;
    who.hidden = false;
    renderFeed();
    loadFeed().then((ok) => {
      if (!ok) return;
      startStream();
      loadAthletes();
    });
  }

  function init() {
    $('[data-testid="settings-form"]').addEventListener('submit', onSettingsSubmit);
    $('[data-action="cancel-settings"]').addEventListener('click', hideSettings);
    $('[data-testid="settings-button"]').addEventListener('click', () => {
      if ($('#settings').hidden) showSettings(); else hideSettings();
    });
    $('[data-testid="feed-more"]').addEventListener('click', () => loadFeed({ older: true }));
    $('[data-testid="athlete-tabs"]').addEventListener('keydown', onTabKeydown);
    window.addEventListener('hashchange', () => {
      const settings = readSettings();
      if (settings) {
        hideSettings();
        start(settings);
      }
    });
    // Relative times ("5 minutes ago") age; refresh their text in place so focus and scroll stay put.
    setInterval(() => {
      document.querySelectorAll('[data-testid="feed-list"] time[datetime]').forEach((t) => setTime(t, t.dateTime));
    }, 60000);
    const settings = readSettings();
    if (settings) start(settings);
    else showSettings();
  }

  init();
})();
