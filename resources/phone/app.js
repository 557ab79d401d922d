/* dualprev phone pages. ES5 only: old Android browsers and WeChat's built-in browser run it.
   - forms marked data-send are sent in the background; photos are shrunk first;
   - a form also marked data-draft is kept on the phone (localStorage) when the network is down and
     sent again when it is back, under the same client id, so the server stores it once;
   - the scan page decodes a photo of a card's QR code with the bundled jsQR. */
(function () {
  "use strict";
  var DRAFTS_KEY = "dualprev-drafts";
  var MAX_SIDE = 1600;
  document.documentElement.className += " js";

  function $(id) { return document.getElementById(id); }

  function notice(text, isError) {
    var box = $("notice");
    if (!box) { return; }
    box.textContent = text;
    box.className = "notice" + (isError ? " error" : "");
    box.hidden = false;
    clearTimeout(notice.timer);
    notice.timer = setTimeout(function () { box.hidden = true; }, isError ? 8000 : 4000);
  }

  function randomId() {
    var bytes = [], i;
    var cryptoObj = window.crypto || window.msCrypto;
    if (cryptoObj && cryptoObj.getRandomValues) {
      var arr = new Uint8Array(16);
      cryptoObj.getRandomValues(arr);
      for (i = 0; i < 16; i++) { bytes.push(arr[i]); }
    } else {
      for (i = 0; i < 16; i++) { bytes.push(Math.floor(Math.random() * 256)); }
    }
    var hex = "";
    for (i = 0; i < bytes.length; i++) { hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16); }
    return hex;
  }

  // --- drafts --------------------------------------------------------------------------------

  function loadDrafts() {
    try { return JSON.parse(localStorage.getItem(DRAFTS_KEY) || "[]"); } catch (e) { return []; }
  }

  function saveDrafts(drafts) {
    try { localStorage.setItem(DRAFTS_KEY, JSON.stringify(drafts)); return true; } catch (e) { return false; }
  }

  function showDrafts() {
    var box = $("drafts");
    if (!box) { return; }
    var drafts = loadDrafts();
    box.hidden = drafts.length === 0;
    if (drafts.length) {
      var names = [];
      for (var i = 0; i < drafts.length; i++) { names.push(drafts[i].label); }
      $("drafts_text").textContent = "有 " + drafts.length + " 条草稿等待发送（" + names.join("、") +
        "）。网络恢复后会自动发送。";
    }
  }

  function dataUrlToBlob(url) {
    var parts = url.split(","), bytes = atob(parts[1]), mime = parts[0].split(":")[1].split(";")[0];
    var arr = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) { arr[i] = bytes.charCodeAt(i); }
    return new Blob([arr], { type: mime });
  }

  function draftFormData(draft) {
    var data = new FormData();
    for (var i = 0; i < draft.fields.length; i++) { data.append(draft.fields[i][0], draft.fields[i][1]); }
    for (var j = 0; j < draft.files.length; j++) {
      data.append(draft.files[j][0], dataUrlToBlob(draft.files[j][1]), draft.files[j][2]);
    }
    return data;
  }

  var sending = false;
  function sendDrafts() {
    if (sending) { return; }
    var drafts = loadDrafts();
    if (!drafts.length) { showDrafts(); return; }
    sending = true;
    var draft = drafts[0];
    post(draft.action, draftFormData(draft), function (status, reply) {
      sending = false;
      if (status === 0) { showDrafts(); return; }  // still offline: keep it
      var rest = loadDrafts().filter(function (d) { return d.id !== draft.id; });
      saveDrafts(rest);
      notice((reply && reply.message) || "草稿已处理", status >= 400);
      showDrafts();
      if (rest.length) { setTimeout(sendDrafts, 300); }
    });
  }

  // --- sending forms ---------------------------------------------------------------------------

  function post(action, data, done) {
    var xhr = new XMLHttpRequest();
    xhr.open("POST", action, true);
    xhr.setRequestHeader("X-Requested-With", "dp-fetch");
    xhr.timeout = 60000;
    xhr.onload = function () {
      var reply = null;
      try { reply = JSON.parse(xhr.responseText); } catch (e) { reply = { message: "服务器返回了无法识别的内容（" + xhr.status + "）" }; }
      done(xhr.status, reply);
    };
    xhr.onerror = xhr.ontimeout = function () { done(0, null); };
    xhr.send(data);
  }

  function shrink(file, done) {
    // Photos are made at most MAX_SIDE pixels; anything the browser cannot draw goes as it is and
    // the server says why it refuses it.
    if (!window.FileReader || !/^image\//.test(file.type) || /gif|svg/.test(file.type)) { done(file, null); return; }
    var reader = new FileReader();
    reader.onload = function () {
      var img = new Image();
      img.onload = function () {
        var scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height));
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(img.width * scale);
        canvas.height = Math.round(img.height * scale);
        canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
        var url = canvas.toDataURL("image/jpeg", 0.85);
        done(dataUrlToBlob(url), url);
      };
      img.onerror = function () { done(file, null); };
      img.src = reader.result;
    };
    reader.onerror = function () { done(file, null); };
    reader.readAsDataURL(file);
  }

  function collect(form, done) {
    var fields = [], files = [], pending = 0, finished = false;
    var elements = form.elements;
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i];
      // Buttons are disabled while sending: the one that was clicked still counts.
      if (!el.name || (el.disabled && el !== form.clicked)) { continue; }
      if (el.type === "file") {
        for (var j = 0; j < el.files.length; j++) {
          pending++;
          (function (name, file) {
            shrink(file, function (blob, url) {
              files.push([name, blob, file.name || "photo.jpg", url]);
              pending--;
              if (pending === 0 && finished) { done(fields, files); }
            });
          })(el.name, el.files[j]);
        }
      } else if ((el.type === "radio" || el.type === "checkbox") && !el.checked) {
        continue;
      } else if (el.type === "submit" || el.tagName === "BUTTON") {
        if (el === form.clicked) { fields.push([el.name, el.value]); }
      } else {
        fields.push([el.name, el.value]);
      }
    }
    finished = true;
    if (pending === 0) { done(fields, files); }
  }

  function onSubmit(event) {
    var form = event.target;
    if (!form.hasAttribute("data-send") || !window.FormData || !window.XMLHttpRequest) { return; }
    event.preventDefault();
    var buttons = form.querySelectorAll("button");
    for (var b = 0; b < buttons.length; b++) { buttons[b].disabled = true; }
    notice("正在发送…", false);
    collect(form, function (fields, files) {
      var data = new FormData();
      for (var i = 0; i < fields.length; i++) { data.append(fields[i][0], fields[i][1]); }
      for (var j = 0; j < files.length; j++) { data.append(files[j][0], files[j][1], files[j][2]); }
      post(form.getAttribute("action"), data, function (status, reply) {
        for (var k = 0; k < buttons.length; k++) { buttons[k].disabled = false; }
        if (status === 0) {
          keepDraft(form, fields, files);
          return;
        }
        if (status >= 400) { notice(reply.message, true); return; }
        notice(reply.message, false);
        setTimeout(function () { window.location.href = reply.redirect || "/"; }, 900);
      });
    });
  }

  function keepDraft(form, fields, files) {
    if (!form.hasAttribute("data-draft")) { notice("网络连接失败，请检查 Wi-Fi 后重试", true); return; }
    var saved = [];
    for (var i = 0; i < files.length; i++) {
      if (files[i][3]) { saved.push([files[i][0], files[i][3], files[i][2]]); }
    }
    var idField = form.querySelector("[data-client-id]");
    var drafts = loadDrafts().filter(function (d) { return d.id !== idField.value; });
    drafts.push({ id: idField.value, action: form.getAttribute("action"), label: form.getAttribute("data-draft"),
                  fields: fields, files: saved, at: new Date().toISOString() });
    if (!saveDrafts(drafts)) { notice("网络连接失败，手机存储空间不足，草稿没有保存", true); return; }
    notice("网络连接失败：已保存为草稿，网络恢复后自动发送", true);
    setTimeout(function () { window.location.href = "/"; }, 1500);
  }

  // --- photos preview, check results ------------------------------------------------------------

  function onChange(event) {
    var el = event.target;
    if (el.type === "file" && el.getAttribute("data-preview")) {
      var box = $(el.getAttribute("data-preview"));
      box.innerHTML = "";
      for (var i = 0; i < el.files.length; i++) {
        if (window.URL && /^image\//.test(el.files[i].type)) {
          var img = document.createElement("img");
          img.onerror = function () { if (this.parentNode) { this.parentNode.removeChild(this); } };
          img.src = URL.createObjectURL(el.files[i]);
          box.appendChild(img);
        }
      }
    }
    if (el.type === "radio" && /^result_/.test(el.name)) {
      var item = el.parentNode;
      while (item && !/\bitem\b/.test(item.className)) { item = item.parentNode; }
      if (item) { item.className = item.className.replace(/\s*failed/, "") + (el.value === "fail" ? " failed" : ""); }
    }
    if (el.id === "qr_file") { decodeQr(el.files[0]); }
  }

  function onClick(event) {
    var el = event.target;
    if (el.tagName === "BUTTON" && el.form) { el.form.clicked = el; }
    if (el.id === "send_drafts_btn") { sendDrafts(); }
  }

  // --- scanning ------------------------------------------------------------------------------

  function decodeQr(file) {
    var message = $("scan_message");
    message.hidden = true;
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      var img = new Image();
      img.onload = function () {
        var scale = Math.min(1, 1200 / Math.max(img.width, img.height));
        var canvas = $("qr_canvas");
        canvas.width = Math.round(img.width * scale);
        canvas.height = Math.round(img.height * scale);
        var context = canvas.getContext("2d");
        context.drawImage(img, 0, 0, canvas.width, canvas.height);
        var pixels = context.getImageData(0, 0, canvas.width, canvas.height);
        var code = window.jsQR ? window.jsQR(pixels.data, canvas.width, canvas.height) : null;
        if (code && code.data) {
          window.location.href = "/card?id=" + encodeURIComponent(code.data.split("\n")[0]);
        } else {
          message.textContent = "没有识别到二维码：请靠近一些、对准二维码、避免反光后重新拍照";
          message.hidden = false;
        }
      };
      img.onerror = function () {
        message.textContent = "这张图片无法打开，请重新拍照";
        message.hidden = false;
      };
      img.src = reader.result;
    };
    reader.readAsDataURL(file);
  }

  // --- start ---------------------------------------------------------------------------------

  var ids = document.querySelectorAll("[data-client-id]");
  for (var n = 0; n < ids.length; n++) { ids[n].value = randomId(); }
  document.addEventListener("submit", onSubmit, false);
  document.addEventListener("change", onChange, false);
  document.addEventListener("click", onClick, false);
  window.addEventListener("online", sendDrafts, false);
  showDrafts();
  if (navigator.onLine !== false) { setTimeout(sendDrafts, 500); }
})();
