import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import './styles/base.css'
import './styles/list.css'
import './styles/job-table.css'
import './styles/submit.css'
import './styles/detail.css'
import './styles/dashboard.css'
import './styles/settings.css'
import './styles/batch.css'

createApp(App).use(createPinia()).mount('#app')
// The app can take the first snapshot from here on (it was asked for before the app's code ran): benches time the
// list from the later of this and the snapshot's answer.
performance.mark('app:mounted')
