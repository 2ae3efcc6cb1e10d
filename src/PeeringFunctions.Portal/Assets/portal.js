// Peering portal: progressive enhancement only (every page works without it). No framework, nothing downloaded.
(function () {
  'use strict';

  var here = new URL(window.location.href);
  var code = here.searchParams.get('code');

  // 1. The portal's function key, when the page was opened with ?code=, stays on the portal's own links and GET
  //    forms, so navigating keeps working. The server never writes the key into a page; it comes from the address bar.
  if (code) {
    document.querySelectorAll('a[data-keep-code]').forEach(function (link) {
      var url = new URL(link.getAttribute('href'), here);
      if (url.origin === here.origin) {
        url.searchParams.set('code', code);
        link.setAttribute('href', url.pathname + url.search + url.hash);
      }
    });
    document.querySelectorAll('form[data-keep-code]').forEach(function (form) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'code';
      input.value = code;
      form.appendChild(input);
    });
  }

  // 2. Live status: fetch the page's live parts while the peering runs and swap them in. The page's own query
  //    (its token or key) goes along; the sentence in #announce is a polite live region.
  var main = document.getElementById('main');
  var liveUrl = main && main.getAttribute('data-live');
  if (liveUrl) {
    var interval = parseInt(main.getAttribute('data-interval'), 10) || 2000;
    var region = document.getElementById('live');
    var announce = document.getElementById('announce');
    var lastHtml = null;
    var failures = 0;
    var tick = function () {
      fetch(liveUrl + window.location.search, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) { throw new Error('HTTP ' + response.status); }
          return response.json();
        })
        .then(function (data) {
          failures = 0;
          if (region && data.html !== lastHtml) {
            region.innerHTML = data.html;
            lastHtml = data.html;
          }
          if (announce && announce.textContent !== data.announce) { announce.textContent = data.announce; }
          main.setAttribute('data-state', data.state);
          if (data.terminal) {
            main.setAttribute('data-terminal', 'true');
          } else {
            window.setTimeout(tick, interval);
          }
        })
        .catch(function () {
          failures += 1;
          if (failures < 30) { window.setTimeout(tick, interval * Math.min(failures + 1, 5)); }
        });
    };
    window.setTimeout(tick, interval);
  }

  // 3. The request form: show only the chosen VPC's route tables and subnets, and refuse overlapping VPCs before
  //    anything is sent (the server refuses them again).
  var form = document.getElementById('request-form');
  if (form) {
    var overlapBox = document.getElementById('overlap');
    var vpcSelects = Array.prototype.slice.call(form.querySelectorAll('select[data-vpc-select]'));

    var sync = function (select) {
      var key = select.value;
      var side = select.id.replace(/Vpc$/, '');
      var table = document.getElementById(side + 'RouteTable');
      if (table) {
        table.querySelectorAll('optgroup').forEach(function (group) {
          var match = group.getAttribute('data-vpc') === key;
          group.hidden = !match;
          group.disabled = !match;
        });
        var chosen = table.options[table.selectedIndex];
        if (chosen && chosen.parentNode.disabled) { table.value = ''; }
      }
      form.querySelectorAll('#' + side + 'Subnets .subnet-group').forEach(function (group) {
        var match = group.getAttribute('data-vpc') === key;
        group.hidden = !match;
        if (!match) {
          group.querySelectorAll('input[type="checkbox"]').forEach(function (box) { box.checked = false; });
        }
      });
    };

    var parse = function (text) {
      var m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
      if (!m) { return null; }
      return { text: text, ip: ((+m[1] * 16777216) + (+m[2] * 65536) + (+m[3] * 256) + (+m[4])) >>> 0, len: +m[5] };
    };
    var mask = function (len) { return len === 0 ? 0 : (0xFFFFFFFF << (32 - len)) >>> 0; };
    var overlaps = function (a, b) {
      var m = mask(Math.min(a.len, b.len));
      return ((a.ip & m) >>> 0) === ((b.ip & m) >>> 0);
    };
    var cidrsOf = function (select) {
      var option = select.options[select.selectedIndex];
      var text = option && option.getAttribute('data-cidrs');
      return text ? text.split(' ').map(parse).filter(Boolean) : [];
    };
    var vpcOf = function (select) { return (select.value.split('|').pop()) || ''; };

    var checkOverlap = function () {
      var a = document.getElementById('initiatorVpc');
      var b = document.getElementById('receiverVpc');
      var problems = [];
      if (a && b && a.value && b.value) {
        if (a.value === b.value) {
          problems.push('Choose two different VPCs: a VPC cannot peer with itself.');
        }
        cidrsOf(a).forEach(function (x) {
          cidrsOf(b).forEach(function (y) {
            if (a.value !== b.value && overlaps(x, y)) {
              problems.push(vpcOf(b) + "'s CIDR " + y.text + ' overlaps ' + vpcOf(a) + "'s CIDR " + x.text +
                ': Tencent refuses to peer VPCs whose addresses overlap. Choose another VPC.');
            }
          });
        });
      }
      if (b) {
        if (problems.length) { b.setAttribute('aria-invalid', 'true'); } else if (!b.hasAttribute('data-server-invalid')) { b.removeAttribute('aria-invalid'); }
      }
      if (overlapBox) {
        overlapBox.textContent = problems.join(' ');
        overlapBox.hidden = problems.length === 0;
      }
      return problems.length === 0;
    };

    vpcSelects.forEach(function (select) {
      if (select.getAttribute('aria-invalid') === 'true') { select.setAttribute('data-server-invalid', ''); }
      sync(select);
      select.addEventListener('change', function () { sync(select); checkOverlap(); });
    });
    checkOverlap();

    form.addEventListener('submit', function (event) {
      if (!checkOverlap()) {
        event.preventDefault();
        var receiver = document.getElementById('receiverVpc');
        if (receiver) { receiver.focus(); }
      }
    });
  }

  // 4. After a refused submit, take the keyboard to the list of problems.
  var errors = document.getElementById('errors');
  if (errors) { errors.focus(); }
}());
