/**
 * What the error box says when the app cannot start: in the language the settings name. The settings store may never
 * have opened (another process holds the folder), so the file is read directly, and anything unreadable means the
 * default language.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DataLockedError } from '../../core/store/data-lock'
import { DataFolderError } from '../../core/store/make-folder'
import { NewerSchemaError } from '../../core/store/schema'
import { TeamUrlError } from '../../core/team/tls'
import { DEFAULT_SETTINGS } from '../../core/settings'
import { msg, render, type Lang } from '../../shared/messages'

export function startupLanguage(dataDir: string, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): Lang {
  try {
    const language = (JSON.parse(read(join(dataDir, 'settings.json'))) as { language?: unknown } | null)?.language
    return language === 'en' || language === 'zh-CN' ? language : DEFAULT_SETTINGS.language
  } catch {
    return DEFAULT_SETTINGS.language
  }
}

/** `detail`: the failure's own account (already redacted), shown as a fact inside our sentence. */
export function startupFailureText(err: unknown, detail: string, lang: Lang, dataDir?: string): { title: string; body: string } {
  if (err instanceof DataLockedError) return { title: render(msg('desktop.dataFolderInUse'), lang), body: render(err.text, lang) }
  // The core's own account of a data folder it cannot use (made, or read: a newer version's file) is a message too.
  if (err instanceof DataFolderError || err instanceof NewerSchemaError) {
    return { title: render(msg('desktop.couldNotStart'), lang), body: render(msg('desktop.startFailed', { detail: render(err.text, lang) }), lang) }
  }
  // Team mode's URL refused by the TLS rule (a file it names is gone, a contradictory sslmode): the window cannot
  // open to fix it, so the box says where the setting is.
  if (err instanceof TeamUrlError && dataDir !== undefined) {
    return { title: render(msg('desktop.couldNotStart'), lang), body: render(msg('team.startRefused', { detail: render(err.text, lang), file: join(dataDir, 'settings.json') }), lang) }
  }
  return { title: render(msg('desktop.couldNotStart'), lang), body: render(msg('desktop.startFailed', { detail }), lang) }
}
