// window.api for the browser test host: the same RendererApi as Electron's preload, carried over a WebSocket.
// Served as a classic script before the renderer's module, so window.api exists when the app starts.
;(function () {
  'use strict'
  var token = new URLSearchParams(location.search).get('token') || ''
  var wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/__host/ws?token=' + encodeURIComponent(token)
  var listeners = new Map()
  var pending = new Map()
  var outbox = []
  var nextId = 1
  var socket = null
  var everOpened = false
  var retryMs = 500

  function lost() {
    // The message as plain data (this script has no catalogue): the page renders it in its language.
    return { ok: false, error: { code: 'INTERNAL', text: { code: 'ipc.connectionLost' } } }
  }

  function connect() {
    var ws = new WebSocket(wsUrl)
    socket = ws
    ws.onopen = function () {
      // A reconnect means the host restarted: reload so the app takes a fresh snapshot instead of a stale view.
      if (everOpened) return location.reload()
      everOpened = true
      retryMs = 500
      for (var i = 0; i < outbox.length; i++) ws.send(outbox[i])
      outbox = []
    }
    ws.onmessage = function (e) {
      var msg
      try {
        msg = JSON.parse(e.data)
      } catch {
        return
      }
      if (msg.t === 'result') {
        var resolve = pending.get(msg.id)
        if (resolve) {
          pending.delete(msg.id)
          resolve(msg.result)
        }
      } else if (msg.t === 'event') {
        var set = listeners.get(msg.channel)
        if (set) set.forEach(function (fn) {
          try {
            fn(msg.payload)
          } catch (err) {
            console.error(err)
          }
        })
      }
    }
    ws.onclose = function () {
      socket = null
      pending.forEach(function (resolve) {
        resolve(lost())
      })
      pending.clear()
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 5000)
    }
  }

  var api = {
    invoke: function (channel) {
      var args = arguments.length > 1 ? arguments[1] : undefined
      var id = nextId++
      var text = JSON.stringify({ t: 'invoke', id: id, channel: channel, args: args })
      return new Promise(function (resolve) {
        pending.set(id, resolve)
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(text)
        else if (!everOpened) outbox.push(text)
        else {
          pending.delete(id)
          resolve(lost())
        }
      })
    },
    on: function (channel, listener) {
      var set = listeners.get(channel)
      if (!set) listeners.set(channel, (set = new Set()))
      set.add(listener)
      return function () {
        set.delete(listener)
      }
    },
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false })
  connect()
})()
